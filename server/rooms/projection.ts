/**
 * Copies the engine's plain match state into the synchronised schema after every step. Only
 * what differs is written (schema setters skip equal primitives, lists grow by appending, a
 * segment is rewritten only when the engine made it anew), so a patch carries the change and
 * not the whole round. The round's lists hold one string per record (shared/stateRecords.ts).
 */
import { ROLES, type Card, type Role } from '../../shared/match/cards.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import { MOVE_VIEW_FIELDS } from '../../shared/match/moveView.ts';
import { showsHints } from '../../shared/match/settings.ts';
import type { MatchState, MoveRecord, WireSegment } from '../../shared/match/types.ts';
import { hintCardsText, MOVE_RECORD, SEGMENT_RECORD, STATE_LOG_RECORD } from '../../shared/stateRecords.ts';
import { flagsText } from '../../shared/tcp/segment.ts';
import { EndpointState, OwnDeadlineEndpointState, type PairRoomState } from './schema/PairRoomState.ts';

/**
 * The part of a room's state that shows the current round. Pair and challenge rooms both have
 * it, under the same names, so a client's match screen reads either.
 */
export type RoundTarget = Pick<PairRoomState,
  'scenarioId' | 'roundStatus' | 'roundStartedAt' | 'roundClockStartsAt' | 'roundEndsAt' | 'latencyMs' | 'endpoints' | 'segments' | 'moves' | 'stateLog'>;

/** -1 stands for "not running" on the wire, where a number cannot be null. */
const orNone = (n: number | null): number => n ?? -1;

/** A segment as its record on the wire, read field by field: the server writes one at every send, landing and loss. */
const segmentRecord = SEGMENT_RECORD.encoderFrom<WireSegment>({
  id: (w) => w.id, from: (w) => w.from, card: (w) => w.card, seq: (w) => w.segment.seq, ack: (w) => w.segment.ack,
  len: (w) => w.segment.len, flags: (w) => flagsText(w.segment.flags), sentAt: (w) => w.sentAt,
  arriveAt: (w) => orNone(w.arriveAt), status: (w) => w.status, old: (w) => w.old, why: (w) => w.why ?? '',
});

/** A move as its record on the wire, read as its reply is (the reply's own object is not made again). */
const moveRecord = MOVE_RECORD.encoderFrom<MoveRecord>(MOVE_VIEW_FIELDS);

const NO_CARDS: readonly Card[] = [];

/**
 * What a view was last brought up to: the match it showed and how long its lists are. The engine
 * never mutates its state, so a part that is the same object as last time has not changed and
 * need not be copied again; the lengths are kept here because each read of a synchronised list
 * goes through a proxy, and this runs on every step of every room.
 */
interface Shown {
  match: MatchState;
  segments: number;
  moves: number;
  stateLog: number;
}

const shown = new WeakMap<RoundTarget, Shown>();

function projectEndpoint(view: RoundTarget, match: MatchState, role: Role, deadlinesPerPlayer: boolean): void {
  let target = view.endpoints.get(role);
  if (!target) {
    // A class's pair state holds the type whose deadline each player receives for their own endpoint only.
    const Endpoint = deadlinesPerPlayer ? OwnDeadlineEndpointState : EndpointState;
    target = new Endpoint({ role, state: match.endpoints[role].tcb.state });
    view.endpoints.set(role, target);
  }
  const ep = match.endpoints[role];
  const score = match.scores[role];
  const hint = showsHints(match.settings.difficulty) ? expectationFor(match, role) : null;
  // Field by field, not Object.assign of a literal: this runs at every step of every room, and
  // a schema setter ignores an equal value anyway.
  const { tcb } = ep;
  target.state = tcb.state;
  target.iss = tcb.iss;
  target.sndUna = tcb.sndUna;
  target.sndNxt = tcb.sndNxt;
  target.rcvNxt = tcb.rcvNxt;
  target.rtoAt = orNone(ep.rtoAt);
  target.timeWaitAt = orNone(ep.timeWaitAt);
  target.hintAt = hint ? orNone(ep.hintAt) : -1;
  target.deadlineAt = deadlinesPerPlayer ? -1 : orNone(ep.deadlineAt);
  target.ownDeadlineAt = deadlinesPerPlayer ? orNone(ep.deadlineAt) : -1;
  target.moveDue = ep.expectedSince !== null;
  target.mustRetransmit = ep.mustRetransmit ?? '';
  target.hintKey = hint?.hint ?? '';
  target.skill = hint?.skill ?? '';
  target.points = score.points;
  target.streak = score.streak;
  target.bestStreak = score.bestStreak;
  target.correct = score.correct;
  target.mistakes = score.mistakes;
  target.hintCards = hintCardsText(hint?.cards ?? NO_CARDS);
}

/**
 * Brings the round's part of the view up to date with `match`. `deadlinesPerPlayer` (a class's
 * pair): the deadlines go in `ownDeadlineAt`, which each player receives for their own endpoint only.
 */
export function projectMatch(view: RoundTarget, match: MatchState, deadlinesPerPlayer = false): void {
  let seen = shown.get(view);
  const before = seen?.match;
  if (seen) seen.match = match;
  else shown.set(view, seen = { match, segments: view.segments.length, moves: view.moves.length, stateLog: view.stateLog.length });
  view.scenarioId = match.scenarioId;
  view.roundStatus = match.status;
  view.roundStartedAt = match.startedAt;
  view.roundClockStartsAt = match.clockStartsAt;
  view.roundEndsAt = match.endsAt;
  view.latencyMs = match.settings.timing.latencyMs;
  for (let r = 0; r < ROLES.length; r++) {
    const role = ROLES[r]!;
    const same = before && before.status === match.status && before.endpoints[role] === match.endpoints[role] && before.scores[role] === match.scores[role];
    if (!same) projectEndpoint(view, match, role, deadlinesPerPlayer);
  }

  // Segments change status and arrival time while in flight; moves and the state log never do.
  // The engine's own list says which changed, and `seen` how far each list goes. Every loop here
  // counts an index, for the reason the engine's scanDue gives.
  for (let i = 0; i < match.wire.length; i++) {
    const w = match.wire[i]!;
    if (i >= seen.segments) view.segments.push(segmentRecord(w));
    else if (before?.wire[i] !== w) view.segments[i] = segmentRecord(w);
  }
  seen.segments = Math.max(seen.segments, match.wire.length);
  for (let i = seen.moves; i < match.moves.length; i++) view.moves.push(moveRecord(match.moves[i]!));
  seen.moves = Math.max(seen.moves, match.moves.length);
  for (let i = seen.stateLog; i < match.stateLog.length; i++) view.stateLog.push(STATE_LOG_RECORD.encode(match.stateLog[i]!));
  seen.stateLog = Math.max(seen.stateLog, match.stateLog.length);
}

/** Forgets the previous round before a new one is projected. */
export function clearRound(view: RoundTarget): void {
  shown.delete(view);
  view.segments.clear();
  view.moves.clear();
  view.stateLog.clear();
}
