/**
 * What is kept of a finished round to download it as a capture and to replay it: every segment
 * it put on the wire, every judged move, every state change, on the round's own clock, plus the
 * wall-clock time the round began. Plain JSON, stored once per round by the server.
 */
import type { Card, Role } from '../match/cards.ts';
import type { Difficulty } from '../match/settings.ts';
import type { MatchState, MoveRecord, WireSegment } from '../match/types.ts';
import type { ScenarioId } from '../scenarios/scenario.ts';
import type { Flag } from '../tcp/segment.ts';
import type { TcpState } from '../tcp/states.ts';

/** One segment as the round put it on the wire. */
export interface RecordedSegment {
  readonly id: number;
  readonly from: Role;
  readonly card: Card;
  readonly seq: number;
  readonly ack: number;
  readonly flags: readonly Flag[];
  readonly len: number;
  readonly sentAt: number;
  /** null when it never arrived (lost, or still held back when the round ended). */
  readonly arriveAt: number | null;
  readonly status: WireSegment['status'];
  readonly old: boolean;
  readonly why: string | null;
  /** Sent again because the retransmission timer fired (a move of skill `retransmit`). */
  readonly resent: boolean;
}

export interface RoundRecord {
  readonly scenarioId: ScenarioId;
  readonly difficulty: Difficulty;
  readonly status: 'won' | 'timeUp';
  /** The round's clock (ms) when it began and when it would have run out. */
  readonly startedAt: number;
  /** When the round's clock started, after its get-ready step. */
  readonly clockStartsAt: number;
  readonly endsAt: number;
  /** Unix time (ms) at `startedAt`: a capture's timestamps are this plus the round's clock. */
  readonly wallClockAt: number;
  readonly latencyMs: number;
  /** Each endpoint's receive window, written in the TCP header of what it sends. */
  readonly windows: Readonly<Record<Role, number>>;
  /** Who played each end ('' for a bot that joined as a bot). */
  readonly nicknames: Readonly<Record<Role, string>>;
  readonly points: Readonly<Record<Role, number>>;
  readonly wire: readonly RecordedSegment[];
  readonly moves: readonly MoveRecord[];
  readonly stateLog: readonly { readonly at: number; readonly role: Role; readonly state: TcpState }[];
}

/**
 * What a ladder replays: a round's record, or a real capture judged by the machine
 * (`captureLadder.ts`), which has no scenario ('').
 */
export type LadderRecord = Omit<RoundRecord, 'scenarioId'> & { readonly scenarioId: ScenarioId | '' };

/** The ids of the segments sent as retransmissions: the game judged them as moves of skill `retransmit`. */
export function resentSegmentIds(moves: readonly MoveRecord[]): Set<number> {
  return new Set(moves.filter((m) => m.skill === 'retransmit' && m.segmentId !== null).map((m) => m.segmentId!));
}

/** The record of `match`, a finished round that began at Unix time `wallClockAt`. */
export function roundRecordOf(match: MatchState, wallClockAt: number, nicknames: Readonly<Record<Role, string>>): RoundRecord {
  const resent = resentSegmentIds(match.moves);
  return {
    scenarioId: match.scenarioId,
    difficulty: match.settings.difficulty,
    status: match.status === 'won' ? 'won' : 'timeUp',
    startedAt: match.startedAt,
    clockStartsAt: match.clockStartsAt,
    endsAt: match.endsAt,
    wallClockAt,
    latencyMs: match.settings.timing.latencyMs,
    windows: { client: match.endpoints.client.tcb.rcvWnd, server: match.endpoints.server.tcb.rcvWnd },
    nicknames,
    points: { client: match.scores.client.points, server: match.scores.server.points },
    wire: match.wire.map((w) => ({
      id: w.id, from: w.from, card: w.card, seq: w.segment.seq, ack: w.segment.ack, flags: w.segment.flags, len: w.segment.len,
      sentAt: w.sentAt, arriveAt: w.status === 'lost' ? null : w.arriveAt, status: w.status, old: w.old, why: w.why,
      resent: resent.has(w.id),
    })),
    moves: match.moves,
    stateLog: match.stateLog,
  };
}
