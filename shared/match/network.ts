import { nextFloat } from '../random.ts';
import { SCENARIOS } from '../scenarios/catalogue.ts';
import type { Segment } from '../tcp/segment.ts';
import { isFinCard, type Card, type Role } from './cards.ts';
import type { HoldCondition, MatchState, WireSegment } from './types.ts';

/** Puts a segment on the wire: scripted drops and holds first, then random loss. */
export function transmit(state: MatchState, from: Role, card: Card, segment: Segment, at: number): { state: MatchState; wire: WireSegment } {
  const count = (state.sent[from][card] ?? 0) + 1;
  const sent = { ...state.sent, [from]: { ...state.sent[from], [card]: count } };
  const nth = sentLike(sent[from], card);
  const script = SCENARIOS[state.scenarioId].network.find((s) => s.from === from && sameSegment(s.card, card) && s.nth === nth);
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
  const next = releaseHeld({ ...state, sent, rng, wire: [...state.wire, wire] }, { from, card, on: 'sent' }, at);
  return { state: next, wire };
}

/** FIN and FIN+ACK are one segment on the wire: a hold waiting for one is released by either. */
function sameSegment(a: Card, b: Card): boolean {
  return a === b || (isFinCard(a) && isFinCard(b));
}

/** How many segments like `card` were sent: a script's nth FIN counts both FIN cards. */
function sentLike(sent: MatchState['sent'][Role], card: Card): number {
  return isFinCard(card) ? (sent.FIN ?? 0) + (sent['FIN+ACK'] ?? 0) : (sent[card] ?? 0);
}

/** Whether the event a hold waits for has already happened. */
function happened(state: MatchState, h: HoldCondition): boolean {
  if (h.on === 'state') return state.endpoints[h.role].tcb.state === h.state;
  if (h.on === 'sent') return sentLike(state.sent[h.from], h.card) > 0;
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
  // Indexed, as in the engine's earliestDue: this runs at every card sent and state changed.
  for (let i = 0; i < state.wire.length; i++) {
    const w = state.wire[i]!;
    const h = w.heldFor;
    if (!h || w.status !== 'flying' || !releases(h, happened)) continue;
    const released: WireSegment = { ...w, heldFor: null, arriveAt: Math.max(w.sentAt + latencyMs, at + latencyMs / 2) };
    s = { ...s, wire: s.wire.map((x) => (x.id === w.id ? released : x)) };
    // A delayed segment's sender never knew: its timer ran all along.
    if (h.on === 'state') continue;
    const ep = s.endpoints[w.from];
    s = { ...s, endpoints: { ...s.endpoints, [w.from]: { ...ep, rtoAt: ep.rtoAt === null ? null : Math.max(ep.rtoAt, at + rtoMs) } } };
  }
  return s;
}

/** When a flying segment next does something: it is lost halfway, or it arrives. */
export function wireDueAt(w: WireSegment): number | null {
  if (w.status !== 'flying' || w.arriveAt === null) return null;
  return w.willBeLost ? w.sentAt + (w.arriveAt - w.sentAt) / 2 : w.arriveAt;
}
