import { nextInt, type RngState } from '../random.ts';
import { SCENARIOS } from '../scenarios/catalogue.ts';
import type { ScenarioId } from '../scenarios/scenario.ts';
import { call, establishedPair, hasUnacked, newEndpoint, type Tcb } from '../tcp/endpoint.ts';
import { seqAdd } from '../tcp/sequence.ts';
import { deliver, lose } from './arrival.ts';
import { peerOf, ROLES, type Role } from './cards.ts';
import { Draft } from './draft.ts';
import { moveTo, refreshDeadlines, type Emit } from './endpoints.ts';
import { wireDueAt } from './network.ts';
import { SCORING, scorePenalty, ZERO_SCORE } from './scoring.ts';
import { deadlineMsFor } from './timeAllowance.ts';
import type { MatchSettings } from './settings.ts';
import { NO_PARAMS, type EndpointState, type MatchEvent, type MatchInput, type MatchState, type MoveRecord, type StepResult, type WireSegment } from './types.ts';
import { judgePlay } from './play.ts';
import { expectationOf } from './expect.ts';
import { noteSuperseded } from './stale.ts';
import { oldestUnackedCard } from './retransmit.ts';

/** ISNs are kept to four digits so that students can do the arithmetic. */
const ISN_MIN = 1000;
const ISN_MAX = 8999;

function startTcb(start: 'CLOSED' | 'LISTEN' | 'ESTABLISHED', iss: number, established: Tcb): Tcb {
  if (start === 'ESTABLISHED') return established;
  const closed = newEndpoint(iss);
  if (start === 'CLOSED') return closed;
  const listening = call(closed, 'listen');
  return listening.ok ? listening.tcb : closed;
}

/**
 * A new round of `scenarioId` created at `now`; ISNs and losses come from `seed`. Its clock starts
 * `getReadyMs` later (the get-ready step: the player's role, the goal, a count-down): nothing is
 * due before then, cards are refused, and the scenario's time limit counts from then.
 */
export function createMatch(p: { scenarioId: ScenarioId; settings: MatchSettings; seed: number; now: number; getReadyMs?: number }): MatchState {
  const scenario = SCENARIOS[p.scenarioId];
  const clockStartsAt = p.now + Math.max(0, p.getReadyMs ?? 0);
  let rng: RngState = p.seed >>> 0;
  const [issClient, r1] = nextInt(rng, ISN_MIN, ISN_MAX);
  const [issServer, r2] = nextInt(r1, ISN_MIN, ISN_MAX);
  rng = r2;
  const [estClient, estServer] = establishedPair(issClient, issServer);
  const endpoint = (role: Role, iss: number, est: Tcb): EndpointState => ({
    tcb: startTcb(scenario.start[role], iss, est),
    owed: null, agenda: scenario.agenda[role], rtoAt: null, mustRetransmit: null, unackedCard: null,
    timeWaitAt: null, deadlineAt: null, expectedSince: null, hintAt: null, superseded: null,
  });
  const endpoints = { client: endpoint('client', issClient, estClient), server: endpoint('server', issServer, estServer) };
  const wire: WireSegment[] = [];
  const old = scenario.oldDuplicate;
  if (old) {
    // Already halfway across when the round starts: it was sent long ago.
    const iss = endpoints[old.from].tcb.iss;
    const half = p.settings.timing.latencyMs / 2;
    wire.push({
      id: 1, from: old.from, card: old.card, segment: { seq: seqAdd(iss, old.seqOffset), ack: 0, flags: ['SYN'], len: 0 },
      sentAt: clockStartsAt - half, arriveAt: clockStartsAt + half, status: 'flying', willBeLost: false, old: true, why: null, heldFor: null,
    });
  }
  const state: MatchState = {
    scenarioId: p.scenarioId, settings: p.settings, seed: p.seed, rng, startedAt: p.now, clockStartsAt, now: p.now,
    endsAt: clockStartsAt + scenario.timeLimitMs, status: 'playing', endpoints, wire,
    sent: { client: {}, server: {} }, moves: [],
    stateLog: ROLES.map((role) => ({ at: clockStartsAt, role, state: endpoints[role].tcb.state })),
    scores: { client: ZERO_SCORE, server: ZERO_SCORE },
  };
  // The first moves are expected from the clock's start: their deadlines and bots wait for it.
  const d = new Draft(state);
  refreshDeadlines(d, clockStartsAt);
  return d.state;
}

/**
 * The next thing due: a segment arriving or being lost, a timer, or the end of time. `order`
 * breaks ties so that replays are identical.
 */
type Due =
  | { readonly at: number; readonly order: number; readonly kind: 'wire'; readonly segment: WireSegment }
  | { readonly at: number; readonly order: number; readonly kind: TimerKind; readonly role: Role }
  | { readonly at: number; readonly order: number; readonly kind: 'end' };

type TimerKind = (typeof TIMER_KINDS)[number];
const TIMER_KINDS = ['rto', 'timeWait', 'deadline'] as const;

/** Tie-break bases: segments by id (below 1e6), then each role's timers, then the end of time. */
const ORDER = { rto: 1e6, timeWait: 2e6, deadline: 3e6, end: 4e6 } as const;

/**
 * What the last `scanDue` found due first, read right after it (a step never runs inside another
 * and nothing outside the engine sees it): most scans find nothing due yet and need no object.
 */
const scanned: { order: number; segment: WireSegment | null; timer: TimerKind | null; role: Role } = {
  order: ORDER.end, segment: null, timer: null, role: 'client',
};

/**
 * When the earliest of everything due in `state` is; what it is stays in `scanned`. It runs
 * several times per step in every room, so it keeps the best candidate in locals rather than a
 * list of them. Its loops count an index: a `for…of` makes an iterator result per element until
 * V8's top tier compiles the function, and on a lightly loaded server most of the engine never
 * reaches it.
 */
function scanDue(state: MatchState): number {
  let at = state.endsAt;
  let order: number = ORDER.end;
  let segment: WireSegment | null = null;
  let timer: TimerKind | null = null;
  let timerRole: Role = 'client';
  const { wire } = state;
  for (let i = 0; i < wire.length; i++) {
    const w = wire[i]!;
    const wAt = wireDueAt(w);
    if (wAt === null || !before(wAt, w.id, at, order)) continue;
    at = wAt;
    order = w.id;
    segment = w;
  }
  for (let i = 0; i < ROLES.length; i++) {
    const role = ROLES[i]!;
    const ep = state.endpoints[role];
    const rtoAt = ep.rtoAt !== null && ep.mustRetransmit === null && ep.unackedCard !== null && hasUnacked(ep.tcb) && !holdsBack(state, role) ? ep.rtoAt : null;
    for (let k = 0; k < TIMER_KINDS.length; k++) {
      const kind = TIMER_KINDS[k]!;
      const tAt = kind === 'rto' ? rtoAt : kind === 'timeWait' ? ep.timeWaitAt : ep.deadlineAt;
      if (tAt === null || !before(tAt, ORDER[kind] + i, at, order)) continue;
      at = tAt;
      order = ORDER[kind] + i;
      segment = null;
      timer = kind;
      timerRole = role;
    }
  }
  scanned.order = order;
  scanned.segment = segment;
  scanned.timer = timer;
  scanned.role = timerRole;
  return at;
}

/** The earliest thing due in `state` if it is due by `to`; null when nothing is. */
function dueBy(state: MatchState, to: number): Due | null {
  const at = scanDue(state);
  if (at > to) return null;
  const { order, segment, timer, role } = scanned;
  if (segment) return { at, order, kind: 'wire', segment };
  if (timer) return { at, order, kind: timer, role };
  return { at, order, kind: 'end' };
}

function before(at: number, order: number, bestAt: number, bestOrder: number): boolean {
  return at < bestAt || (at === bestAt && order < bestOrder);
}

/**
 * A segment the network holds back has not really left yet: while it is the oldest outstanding,
 * its sender's timer waits for it. One held behind older data does not stop that data's timer.
 */
function holdsBack(state: MatchState, role: Role): boolean {
  const { sndUna } = state.endpoints[role].tcb;
  const { wire } = state;
  for (let i = 0; i < wire.length; i++) {
    const w = wire[i]!;
    if (w.from === role && w.heldFor !== null && w.heldFor.on !== 'state' && w.status === 'flying' && w.segment.seq === sndUna) return true;
  }
  return false;
}

/** Lets `due` happen. */
function happen(d: Draft, due: Due, emit: Emit): void {
  switch (due.kind) {
    case 'wire': {
      const w = due.segment;
      if (w.willBeLost) return lose(d, w, due.at, emit);
      // The receiver's expectation before the arrival, for a card of theirs that crossed it (stale.ts).
      const to = peerOf(w.from);
      const was = expectationOf(d.state.endpoints[to]);
      deliver(d, w, due.at, emit);
      return noteSuperseded(d, to, was, w.card, due.at);
    }
    case 'rto': {
      const was = expectationOf(d.state.endpoints[due.role]);
      fireRto(d, due.role, due.at, emit);
      return noteSuperseded(d, due.role, was, 'rto', due.at);
    }
    case 'timeWait': return endTimeWait(d, due.role, due.at, emit);
    case 'deadline': return missDeadline(d, due.role, due.at, emit);
    case 'end': return finish(d, 'timeUp', d.state.endsAt, emit);
  }
}

function fireRto(d: Draft, role: Role, at: number, emit: Emit): void {
  const ep = d.state.endpoints[role];
  if (!ep.unackedCard) return;
  // After a simultaneous open our SYN is repeated as SYN+ACK, the only SYN SYN-RECEIVED sends.
  const card = ep.tcb.state === 'SYN-RECEIVED' ? 'SYN+ACK' : oldestUnackedCard(d.state, role) ?? ep.unackedCard;
  emit({ type: 'rtoFired', at, role, card });
  d.setEndpoint(role, { ...ep, rtoAt: null, mustRetransmit: card });
}

function endTimeWait(d: Draft, role: Role, at: number, emit: Emit): void {
  const ep = d.state.endpoints[role];
  const r = call(ep.tcb, 'timeout2msl');
  emit({ type: 'timeWaitOver', at, role });
  if (r.ok) moveTo(d, role, { ...ep, tcb: r.tcb, timeWaitAt: null }, at, emit);
  else d.setEndpoint(role, { ...ep, timeWaitAt: null });
}

function missDeadline(d: Draft, role: Role, at: number, emit: Emit): void {
  const s = d.state;
  const ep = s.endpoints[role];
  const exp = expectationOf(ep);
  const move: MoveRecord = {
    at, role, card: null, expected: exp?.cards ?? [], skill: exp?.skill ?? 'wait', verdict: 'missedDeadline',
    why: 'mistake.tooSlow', params: NO_PARAMS, points: SCORING.missedDeadline, tookMs: ep.expectedSince === null ? 0 : at - ep.expectedSince,
    state: ep.tcb.state, segmentId: null, hinted: false,
  };
  emit({ type: 'moveJudged', at, move });
  // Read before the draft is written to: `s` may be the very copy the writes change.
  const score = scorePenalty(s.scores[role], 'missedDeadline');
  d.setEndpoint(role, { ...ep, deadlineAt: at + (deadlineMsFor(s.settings, role) ?? s.settings.timing.deadlineMs) });
  d.addMove(move);
  d.setScore(role, score);
}

function finish(d: Draft, status: 'won' | 'timeUp', at: number, emit: Emit): void {
  emit({ type: 'roundOver', at, status });
  d.setStatus(status);
  for (let i = 0; i < ROLES.length; i++) {
    const role = ROLES[i]!;
    d.setEndpoint(role, { ...d.state.endpoints[role], deadlineAt: null, expectedSince: null, hintAt: null });
  }
}

/**
 * Both endpoints rest in the scenario's goal with nothing owed, outstanding or on the wire.
 * Loops rather than `every` with a closure: it runs twice a step (scanDue says why).
 */
function goalReached(s: MatchState): boolean {
  const goal = SCENARIOS[s.scenarioId].goal;
  for (let i = 0; i < ROLES.length; i++) {
    const role = ROLES[i]!;
    const ep = s.endpoints[role];
    if (ep.tcb.state !== goal[role] || ep.agenda.length > 0 || ep.owed || ep.mustRetransmit || hasUnacked(ep.tcb) || ep.timeWaitAt !== null) return false;
  }
  for (let i = 0; i < s.wire.length; i++) if (s.wire[i]!.status === 'flying') return false;
  return true;
}

function settle(d: Draft, at: number, emit: Emit): void {
  if (d.state.status !== 'playing') return;
  if (goalReached(d.state)) finish(d, 'won', at, emit);
  else refreshDeadlines(d, at);
}

/** Plays out everything due up to `to`, each at its own time. */
function advance(d: Draft, to: number, emit: Emit): void {
  for (let next = dueBy(d.state, to); next && d.state.status === 'playing'; next = dueBy(d.state, to)) {
    d.setNow(Math.max(d.state.now, next.at));
    happen(d, next, emit);
    settle(d, next.at, emit);
  }
}

/**
 * The engine: the next state and what happened, for a card played or time passing. Pure: the
 * state it is given is never changed, and a step that changed nothing returns it as it was.
 */
export function step(state: MatchState, input: MatchInput): StepResult {
  gatheredCount = 0;
  if (input.now < state.now) return { state, events: [{ type: 'inputRefused', at: state.now, code: 'timeWentBack' }] };
  if (state.status !== 'playing') return { state, events: [{ type: 'inputRefused', at: input.now, code: 'roundOver' }] };
  const d = new Draft(state);
  // Before the clock starts nothing is due (every timer starts with it) unless the round was cut short.
  advance(d, input.now, emit);
  if (input.kind === 'play') {
    // The round may have ended while time caught up with the play; in the get-ready step cards wait.
    if (d.state.status !== 'playing') emit({ type: 'inputRefused', at: input.now, code: 'roundOver' });
    else if (input.now < d.state.clockStartsAt) emit({ type: 'inputRefused', at: input.now, code: 'roundNotStarted' });
    else {
      judgePlay(d, input, emit);
      settle(d, input.now, emit);
    }
  }
  d.setNow(input.now);
  return { state: d.state, events: takeGathered() };
}

/**
 * A step's events, gathered in one array that every step shares (a step never runs inside
 * another, and nothing outside sees it) and handed out as a list of their exact number. An
 * array per step grown from empty took 16 slots at its first event and a closure to push to it,
 * at every step of every room (issue 21).
 */
const gathered: (MatchEvent | undefined)[] = [];
let gatheredCount = 0;
const emit: Emit = (e) => {
  gathered[gatheredCount++] = e;
};
const NO_EVENTS: readonly MatchEvent[] = Object.freeze([]);

function takeGathered(): readonly MatchEvent[] {
  if (gatheredCount === 0) return NO_EVENTS;
  const events = new Array<MatchEvent>(gatheredCount);
  for (let i = 0; i < gatheredCount; i++) {
    events[i] = gathered[i]!;
    // Not kept alive by the next step's shorter list.
    gathered[i] = undefined;
  }
  gatheredCount = 0;
  return events;
}

/** The earliest time at which something is due, or null once the round is over. */
export function nextWakeAt(state: MatchState): number | null {
  if (state.status !== 'playing') return null;
  return scanDue(state);
}
