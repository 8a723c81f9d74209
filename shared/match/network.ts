import { nextFloat } from '../random.ts';
import { SCENARIOS } from '../scenarios/catalogue.ts';
import type { Segment } from '../tcp/segment.ts';
import { CARDS, ROLES, type Card, type Role } from './cards.ts';
import { TCP_STATES, type TcpState } from '../tcp/states.ts';
import type { HoldCondition, MatchState, WireSegment } from './types.ts';

/** Puts a segment on the wire: scripted drops and holds first, then random loss. */
export function transmit(state: MatchState, from: Role, card: Card, segment: Segment, at: number): { state: MatchState; wire: WireSegment } {
  const count = (state.sent[from][card] ?? 0) + 1;
  const mine = { ...state.sent[from], [card]: count };
  // The two roles written out, in their order, rather than a spread with a computed key.
  const sent = from === 'client' ? { client: mine, server: state.sent.server } : { client: state.sent.client, server: mine };
  // FIN and FIN+ACK are one segment on the wire: a script's nth FIN counts both cards.
  const nth = sentOf(sent[from], card);
  const script = scriptFor(state, from, card, nth);
  let rng = state.rng;
  let willBeLost = script?.kind === 'drop';
  if (!script && state.settings.lossRate > 0) {
    const [f, next] = nextFloat(rng);
    rng = next;
    willBeLost = f < state.settings.lossRate;
  }
  const hold: HoldCondition | null =
    script?.kind === 'hold' ? { from: script.untilFrom, card: script.until, on: script.on }
    : script?.kind === 'delay' ? { on: 'state', role: script.untilRole, state: script.untilState }
    : null;
  const heldFor = hold && !happened(state, hold) ? hold : null;
  const wire: WireSegment = {
    id: state.wire.length + 1, from, card, segment, sentAt: at,
    arriveAt: heldFor ? null : at + state.settings.timing.latencyMs,
    status: 'flying', willBeLost, old: false, why: null, heldFor,
  };
  const next = releaseHeld({ ...state, sent, rng, wire: [...state.wire, wire] }, HOLDS.sent[from][card], at);
  return { state: next, wire };
}

/** How many of `card`'s segment were sent, FIN and FIN+ACK counted together (a loop: every card sent runs it). */
function sentOf(sent: Readonly<Partial<Record<Card, number>>>, card: Card): number {
  let n = 0;
  for (const c in sent) if (sameSegment(c as Card, card)) n += sent[c as Card] ?? 0;
  return n;
}

/** The scenario's scripted fate for the `nth` segment of `card` from `from`, if any. */
function scriptFor(state: MatchState, from: Role, card: Card, nth: number) {
  const network = SCENARIOS[state.scenarioId].network;
  for (let i = 0; i < network.length; i++) {
    const s = network[i]!;
    if (s.from === from && sameSegment(s.card, card) && s.nth === nth) return s;
  }
  return undefined;
}

/**
 * What happened, as the hold conditions it may release: one frozen object per role and card (or
 * state), made once, rather than one for every segment sent or arrived and every state entered.
 */
const HOLDS = {
  sent: holdsOf('sent'),
  arrived: holdsOf('arrived'),
  entered: Object.fromEntries(ROLES.map((role) => [role, Object.fromEntries(TCP_STATES.map((state) => [state, Object.freeze({ on: 'state', role, state } as const)]))])) as
    Record<Role, Record<TcpState, HoldCondition>>,
};

function holdsOf(on: 'sent' | 'arrived'): Record<Role, Record<Card, HoldCondition>> {
  return Object.fromEntries(ROLES.map((from) => [from, Object.fromEntries(CARDS.map((card) => [card, Object.freeze({ from, card, on })]))])) as
    Record<Role, Record<Card, HoldCondition>>;
}

/** A segment of `card` from `from` arrived, as a hold condition. */
export function arrivedHold(from: Role, card: Card): HoldCondition {
  return HOLDS.arrived[from][card];
}

/** `role` entered `state`, as a hold condition. */
export function enteredHold(role: Role, state: TcpState): HoldCondition {
  return HOLDS.entered[role][state];
}

/** FIN and FIN+ACK are one segment on the wire: a hold waiting for one is released by either. */
function sameSegment(a: Card, b: Card): boolean {
  const fin = (c: Card): boolean => c === 'FIN' || c === 'FIN+ACK';
  return a === b || (fin(a) && fin(b));
}

/** Whether the event a hold waits for has already happened. */
function happened(state: MatchState, h: HoldCondition): boolean {
  if (h.on === 'state') return state.endpoints[h.role].tcb.state === h.state;
  if (h.on === 'sent') return Object.entries(state.sent[h.from]).some(([c, n]) => sameSegment(c as Card, h.card) && (n ?? 0) > 0);
  return state.wire.some((w) => w.from === h.from && sameSegment(w.card, h.card) && (w.status === 'delivered' || w.status === 'discarded'));
}

/** Whether what happened is what `h` waits for. */
function releases(h: HoldCondition, what: HoldCondition): boolean {
  if (h.on === 'state') return what.on === 'state' && h.role === what.role && h.state === what.state;
  return what.on !== 'state' && h.on === what.on && h.from === what.from && sameSegment(h.card, what.card);
}

/**
 * Lets held segments go once their condition has happened: they finish the second half of the
 * trip, and the sender's retransmission timer starts from then.
 */
export function releaseHeld(state: MatchState, happened: HoldCondition, at: number): MatchState {
  const { latencyMs, rtoMs } = state.settings.timing;
  let s = state;
  // An indexed loop: it runs for every segment sent and arrived, and a for-of allocates per element until optimised.
  for (let i = 0; i < state.wire.length; i++) {
    const w = state.wire[i]!;
    const h = w.heldFor;
    if (!h || w.status !== 'flying' || !releases(h, happened)) continue;
    const released: WireSegment = { ...w, heldFor: null, arriveAt: Math.max(w.sentAt + latencyMs, at + latencyMs / 2) };
    s = { ...s, wire: withSegment(s.wire, released) };
    // A delayed segment's sender never knew: its timer ran all along.
    if (h.on === 'state') continue;
    const ep = s.endpoints[w.from];
    s = { ...s, endpoints: { ...s.endpoints, [w.from]: { ...ep, rtoAt: ep.rtoAt === null ? null : Math.max(ep.rtoAt, at + rtoMs) } } };
  }
  return s;
}

/** The wire with `w` in place of the segment with its id (a copy: the engine changes nothing in place). */
export function withSegment(wire: readonly WireSegment[], w: WireSegment): WireSegment[] {
  const next = wire.slice();
  for (let i = 0; i < next.length; i++) if (next[i]!.id === w.id) next[i] = w;
  return next;
}

/** When a flying segment next does something: it is lost halfway, or it arrives. */
export function wireDueAt(w: WireSegment): number | null {
  if (w.status !== 'flying' || w.arriveAt === null) return null;
  return w.willBeLost ? w.sentAt + (w.arriveAt - w.sentAt) / 2 : w.arriveAt;
}
