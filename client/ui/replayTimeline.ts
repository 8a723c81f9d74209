/**
 * A finished round shown step by step: the moments something happened, and the round as it stood
 * at each, in the shape the ladder draws (PairRoomView). Pure, so it is tested without a canvas.
 */
import type { LadderRecord, RecordedSegment } from '../../shared/capture/roundRecord.ts';
import type { Role } from '../../shared/match/cards.ts';
import { toMoveView } from '../../shared/match/moveView.ts';
import type { MoveRecord } from '../../shared/match/types.ts';
import type { MoveView, PairRoomMode, PairRoomView, PlayerView, SegmentView } from '../../shared/protocol.ts';
import type { TcpState } from '../../shared/tcp/states.ts';

/** One thing that happened at a step, for the explanation beside the ladder. */
export type ReplayLine =
  | { readonly kind: 'sent'; readonly segment: RecordedSegment }
  | { readonly kind: 'lost'; readonly segment: RecordedSegment }
  | { readonly kind: 'arrived'; readonly segment: RecordedSegment }
  | { readonly kind: 'move'; readonly move: MoveRecord }
  | { readonly kind: 'state'; readonly role: Role; readonly state: TcpState };

/** What a replay shows: a stored round (`RoundRecordPayload`), or a real capture opened in the browser (mode `capture`). */
export interface LadderPayload {
  readonly id: string;
  readonly mode: string;
  readonly roundNo: number;
  readonly record: LadderRecord;
}

/** When a lost segment is shown vanishing: halfway, as the live lane shows it. */
function lostAt(s: RecordedSegment, latencyMs: number): number {
  return s.sentAt + latencyMs / 2;
}

/** Every moment with something to show, in order; the first is the start of the round's clock (after its get-ready step). */
export function replaySteps(payload: LadderPayload): number[] {
  const r = payload.record;
  const times = new Set<number>([r.clockStartsAt]);
  for (const s of r.wire) {
    times.add(s.sentAt);
    if (s.status === 'lost') times.add(lostAt(s, r.latencyMs));
    else if (s.arriveAt !== null) times.add(s.arriveAt);
  }
  for (const e of r.stateLog) times.add(e.at);
  for (const m of r.moves) times.add(m.at);
  return [...times].filter((t) => t >= r.clockStartsAt).sort((a, b) => a - b);
}

/** What happened exactly at `at`, in the order a reader follows it: moves, sends, arrivals and losses, states. */
export function happenedAt(payload: LadderPayload, at: number): ReplayLine[] {
  const r = payload.record;
  const lines: ReplayLine[] = [];
  for (const move of r.moves) if (move.at === at) lines.push({ kind: 'move', move });
  for (const segment of r.wire) if (segment.sentAt === at && !r.moves.some((m) => m.at === at && m.segmentId === segment.id)) lines.push({ kind: 'sent', segment });
  for (const segment of r.wire) {
    if (segment.status === 'lost' && lostAt(segment, r.latencyMs) === at) lines.push({ kind: 'lost', segment });
    else if (segment.status !== 'lost' && segment.arriveAt === at) lines.push({ kind: 'arrived', segment });
  }
  // The start states are the first entries of the log; later entries are changes.
  for (const e of r.stateLog) if (e.at === at) lines.push({ kind: 'state', role: e.role, state: e.state });
  return lines;
}

function segmentAt(s: RecordedSegment, at: number, latencyMs: number): SegmentView {
  const base = { id: s.id, from: s.from, card: s.card, seq: s.seq, ack: s.ack, len: s.len, flags: s.flags.join(','), sentAt: s.sentAt, old: s.old };
  const landed = s.status === 'lost' ? lostAt(s, latencyMs) : s.arriveAt;
  if (landed === null || at < landed) {
    // Still on its way: drawn as far as it has got by `at`.
    return { ...base, arriveAt: s.arriveAt ?? s.sentAt + latencyMs, status: 'flying', why: '' };
  }
  // A lost segment is drawn towards where it would have arrived, and stops halfway with its ✗.
  return { ...base, arriveAt: s.arriveAt ?? s.sentAt + latencyMs, status: s.status, why: s.why ?? '' };
}

/** The round as it stood at `at`, for the ladder: what had been sent, judged and entered by then. */
export function replayViewAt(payload: LadderPayload, at: number): PairRoomView {
  const r = payload.record;
  const players = new Map<string, PlayerView>((['client', 'server'] as const).map((role) => [role, {
    sessionId: role, nickname: r.nicknames[role], role, connected: true, isBot: r.nicknames[role] === '', total: r.points[role], ready: true,
  }]));
  const moves: MoveView[] = r.moves.filter((m) => m.at <= at).map(toMoveView);
  return {
    code: '', mode: payload.mode as PairRoomMode, phase: 'finished', difficulty: r.difficulty, speed: 'normal', lossRate: 0,
    round: payload.roundNo, rounds: payload.roundNo, classRound: 0, classRounds: 0, seatKeptSeconds: 0, scenarioId: r.scenarioId, roundStatus: r.status, serverTime: at,
    roundStartedAt: r.startedAt, roundClockStartsAt: r.clockStartsAt, roundEndsAt: r.endsAt, latencyMs: r.latencyMs, paused: false, players, endpoints: new Map(),
    // Segments not yet sent are there too, undrawn: the time axis then stays put from step to step.
    segments: r.wire.map((s) => segmentAt(s, at, r.latencyMs)),
    moves, stateLog: r.stateLog.filter((e) => e.at <= at), recordId: payload.id,
  };
}
