/**
 * Copies the engine's plain match state into the synchronised schema after every step. Only
 * what differs is written (schema setters skip equal primitives, lists grow by appending), so a
 * patch carries the change and not the whole round.
 */
import { ROLES, type Role } from '../../shared/match/cards.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import { toMoveView } from '../../shared/match/moveView.ts';
import { showsHints } from '../../shared/match/settings.ts';
import type { MatchState, MoveRecord, WireSegment } from '../../shared/match/types.ts';
import { FLAGS, normalizeFlags } from '../../shared/tcp/segment.ts';
import { MapSchema } from '@colyseus/schema';
import {
  EndpointState, MoveState, SegmentState, StateLogState, type PairRoomState,
} from './schema/PairRoomState.ts';

/**
 * The part of a room's state that shows the current round. Pair and challenge rooms both have
 * it, under the same names, so a client's match screen reads either.
 */
export type RoundTarget = Pick<PairRoomState,
  'scenarioId' | 'roundStatus' | 'roundStartedAt' | 'roundClockStartsAt' | 'roundEndsAt' | 'latencyMs' | 'endpoints' | 'segments' | 'moves' | 'stateLog'>;

/** -1 stands for "not running" on the wire, where a number cannot be null. */
const orNone = (n: number | null): number => n ?? -1;

/*
 * New items are built with no arguments and then set field by field: given arguments, a schema
 * first builds an object of its defaults (a new list for a list field, then thrown away) and
 * walks it. A schema records its changes by field, not in the order they are set, so the patch
 * is the same.
 */

function segmentState(w: WireSegment): SegmentState {
  const s = new SegmentState();
  s.id = w.id;
  s.from = w.from;
  s.card = w.card;
  s.seq = w.segment.seq;
  s.ack = w.segment.ack;
  s.len = w.segment.len;
  s.flags = flagsText(w.segment.flags);
  s.sentAt = w.sentAt;
  updateSegment(s, w);
  s.old = w.old;
  return s;
}

/** The flags as the wire writes them, in a fixed order; one string per combination, made once. */
const FLAGS_TEXT = new Map<number, string>();
function flagsText(flags: WireSegment['segment']['flags']): string {
  let mask = 0;
  for (let i = 0; i < FLAGS.length; i++) if (flags.includes(FLAGS[i]!)) mask |= 1 << i;
  let text = FLAGS_TEXT.get(mask);
  if (text === undefined) FLAGS_TEXT.set(mask, (text = normalizeFlags(flags).join(',')));
  return text;
}

/**
 * What the engine changes of a segment already on the wire: its arrival (a held segment let go),
 * its fate and why. Only these are written.
 */
function updateSegment(target: SegmentState, w: WireSegment): void {
  target.arriveAt = orNone(w.arriveAt);
  target.status = w.status;
  target.why = w.why ?? '';
}

function moveState(m: MoveRecord): MoveState {
  const v = toMoveView(m);
  const s = new MoveState();
  s.at = v.at;
  s.role = v.role;
  s.card = v.card;
  s.verdict = v.verdict;
  s.why = v.why;
  s.points = v.points;
  // The list the schema made for the field is the move's: no second one.
  s.expected.push(...v.expected);
  s.skill = v.skill;
  s.state = v.state;
  s.segmentId = v.segmentId;
  s.hinted = v.hinted;
  if (hasParams(v.params)) s.params = new MapSchema<number>(v.params);
  return s;
}

function stateLogState(entry: MatchState['stateLog'][number]): StateLogState {
  const s = new StateLogState();
  s.at = entry.at;
  s.role = entry.role;
  s.state = entry.state;
  return s;
}

function hasParams(params: Readonly<Record<string, number>>): boolean {
  for (const key in params) if (Object.hasOwn(params, key)) return true;
  return false;
}

/**
 * The hint cards each endpoint's view was last given. Expectations are constants, so the same
 * list is usually the same array: no read of the synchronised list (each element read goes
 * through its proxy), and none of its contents unless the array changed.
 */
const hintCardsShown = new WeakMap<EndpointState, readonly string[]>();

function showHintCards(target: EndpointState, items: readonly string[]): void {
  const last = hintCardsShown.get(target);
  if (last === items) return;
  hintCardsShown.set(target, items);
  if (last === undefined ? sameStrings(target.hintCards, items) : sameStrings(last, items)) return;
  target.hintCards.clear();
  target.hintCards.push(...items);
}

function sameStrings(list: ArrayLike<string>, items: readonly string[]): boolean {
  if (list.length !== items.length) return false;
  for (let i = 0; i < items.length; i++) if (list[i] !== items[i]) return false;
  return true;
}

/**
 * Field by field rather than Object.assign of a literal: it runs for an endpoint at every step
 * that changed it, in every room, and the literal was garbage at once. A schema records changes
 * by field, so the patch is as before; a setter given the value it has records nothing.
 */
function projectEndpoint(view: RoundTarget, match: MatchState, role: Role): void {
  let target = view.endpoints.get(role);
  if (!target) {
    target = new EndpointState({ role, state: match.endpoints[role].tcb.state });
    view.endpoints.set(role, target);
  }
  const ep = match.endpoints[role];
  const { tcb } = ep;
  const score = match.scores[role];
  const hint = showsHints(match.settings.difficulty) ? expectationFor(match, role) : null;
  target.state = tcb.state;
  target.iss = tcb.iss;
  target.sndUna = tcb.sndUna;
  target.sndNxt = tcb.sndNxt;
  target.rcvNxt = tcb.rcvNxt;
  target.rtoAt = orNone(ep.rtoAt);
  target.timeWaitAt = orNone(ep.timeWaitAt);
  target.deadlineAt = orNone(ep.deadlineAt);
  target.hintAt = hint ? orNone(ep.hintAt) : -1;
  target.mustRetransmit = ep.mustRetransmit ?? '';
  target.hintKey = hint?.hint ?? '';
  target.skill = hint?.skill ?? '';
  target.points = score.points;
  target.streak = score.streak;
  target.bestStreak = score.bestStreak;
  target.correct = score.correct;
  target.mistakes = score.mistakes;
  showHintCards(target, hint?.cards ?? NO_CARDS);
}

const NO_CARDS: readonly string[] = [];

/**
 * The match each view last showed. The engine never mutates its state, so a part that is the
 * same object as last time has not changed and need not be copied again.
 */
const shown = new WeakMap<RoundTarget, MatchState>();

/** Brings the round's part of the view up to date with `match`. */
export function projectMatch(view: RoundTarget, match: MatchState): void {
  const before = shown.get(view);
  shown.set(view, match);
  view.scenarioId = match.scenarioId;
  view.roundStatus = match.status;
  view.roundStartedAt = match.startedAt;
  view.roundClockStartsAt = match.clockStartsAt;
  view.roundEndsAt = match.endsAt;
  view.latencyMs = match.settings.timing.latencyMs;
  for (let r = 0; r < ROLES.length; r++) {
    const role = ROLES[r]!;
    const same = before && before.status === match.status && before.endpoints[role] === match.endpoints[role] && before.scores[role] === match.scores[role];
    if (!same) projectEndpoint(view, match, role);
  }

  // Segments change status and arrival time while in flight; moves and the state log never do.
  // The engine's own lists say which changed and how many are shown already (only this function
  // adds to the view's lists, and clearRound empties them and forgets `before`): the view's lists
  // are read only for a segment that changed, as each read of a synchronised list goes through a
  // proxy, and this runs on every step of every room.
  const projected = before?.wire.length ?? 0;
  for (let i = 0; i < match.wire.length; i++) {
    const w = match.wire[i]!;
    if (i >= projected) view.segments.push(segmentState(w));
    else if (before?.wire[i] !== w) updateSegment(view.segments[i]!, w);
  }
  for (let i = before?.moves.length ?? 0; i < match.moves.length; i++) view.moves.push(moveState(match.moves[i]!));
  for (let i = before?.stateLog.length ?? 0; i < match.stateLog.length; i++) view.stateLog.push(stateLogState(match.stateLog[i]!));
}

/** Forgets the previous round before a new one is projected. */
export function clearRound(view: RoundTarget): void {
  shown.delete(view);
  view.segments.clear();
  view.moves.clear();
  view.stateLog.clear();
}
