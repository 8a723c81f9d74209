import { nextFloat } from '../random.ts';
import { SCENARIOS } from '../scenarios/catalogue.ts';
import type { NetworkScript } from '../scenarios/scenario.ts';
import type { Segment } from '../tcp/segment.ts';
import { isFinCard, type Card, type Role } from './cards.ts';
import type { Draft } from './draft.ts';
import type { HoldCondition, MatchState, WireSegment } from './types.ts';

/** Puts a segment on the wire: scripted drops and holds first, then random loss. */
export function transmit(d: Draft, from: Role, card: Card, segment: Segment, at: number): WireSegment {
  const state = d.state;
  // The script and the hold are looked up as the segment leaves: it is the nth, and not yet counted.
  const script = scriptFor(state, from, card, sentLike(state.sent[from], card) + 1);
  const hold: HoldCondition | null =
    script?.kind === 'hold' ? { from: script.untilFrom, card: script.until, on: script.on }
    : script?.kind === 'delay' ? { on: 'state', role: script.untilRole, state: script.untilState }
    : null;
  const heldFor = hold && !happened(state, hold) ? hold : null;
  d.countSent(from, card);
  let willBeLost = script?.kind === 'drop';
  if (!script && state.settings.lossRate > 0) {
    const [f, next] = nextFloat(d.state.rng);
    d.setRng(next);
    willBeLost = f < state.settings.lossRate;
  }
  const wire: WireSegment = {
    id: d.state.wire.length + 1, from, card, segment, sentAt: at,
    arriveAt: heldFor ? null : at + state.settings.timing.latencyMs,
    status: 'flying', willBeLost, old: false, why: null, heldFor,
  };
  d.addSegment(wire);
  releaseHeld(d, { from, card, on: 'sent' }, at);
  return wire;
}

/** The scenario's network script for the `nth` segment like `card` from `from`, if any. */
function scriptFor(state: MatchState, from: Role, card: Card, nth: number): NetworkScript | undefined {
  // Indexed, as in the engine's scanDue: a `find` with a closure made one per segment sent.
  const scripts = SCENARIOS[state.scenarioId].network;
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    if (s.from === from && sameSegment(s.card, card) && s.nth === nth) return s;
  }
  return undefined;
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
export function releaseHeld(d: Draft, happened: HoldCondition, at: number): void {
  const { latencyMs, rtoMs } = d.state.settings.timing;
  // Indexed, as in the engine's scanDue: this runs at every card sent and state changed.
  for (let i = 0; i < d.state.wire.length; i++) {
    const w = d.state.wire[i]!;
    const h = w.heldFor;
    if (!h || w.status !== 'flying' || !releases(h, happened)) continue;
    d.replaceSegment({ ...w, heldFor: null, arriveAt: Math.max(w.sentAt + latencyMs, at + latencyMs / 2) });
    // A delayed segment's sender never knew: its timer ran all along.
    if (h.on === 'state') continue;
    const ep = d.state.endpoints[w.from];
    d.setEndpoint(w.from, { ...ep, rtoAt: ep.rtoAt === null ? null : Math.max(ep.rtoAt, at + rtoMs) });
  }
}

/** When a flying segment next does something: it is lost halfway, or it arrives. */
export function wireDueAt(w: WireSegment): number | null {
  if (w.status !== 'flying' || w.arriveAt === null) return null;
  return w.willBeLost ? w.sentAt + (w.arriveAt - w.sentAt) / 2 : w.arriveAt;
}
