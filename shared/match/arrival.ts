import { hasUnacked, receive, type Tcb } from '../tcp/endpoint.ts';
import { has, type Segment } from '../tcp/segment.ts';
import { SYNCHRONIZED_STATES } from '../tcp/states.ts';
import { lookup } from '../tcp/table.ts';
import { peerOf } from './cards.ts';
import { oldestUnackedCard } from './retransmit.ts';
import { moveTo, type Emit } from './endpoints.ts';
import { releaseHeld } from './network.ts';
import type { Draft } from './draft.ts';
import type { EndpointState, WireSegment } from './types.ts';

/** An answer stays owed only while the new state can still send it (a late SYN+ACK is moot once ESTABLISHED). */
function stillOwed(owed: EndpointState['owed'], tcb: Tcb): EndpointState['owed'] {
  if (!owed) return null;
  const card = owed.reply === 'SYN+ACK' ? 'sendSynAck' : owed.reply === 'RST' ? 'sendRst' : 'sendAck';
  return lookup(tcb.state, card, tcb.passive).ok ? owed : null;
}

/**
 * Whether a reply the TCP machine calls for is asked of the player. A CLOSED endpoint is asked
 * only to refuse a connection attempt, a SYN (scenario 12). Anything else reaching it belongs to
 * a connection that is already over, typically the re-ACK of a FIN retransmitted across the last
 * ACK; a real stack answers it with RST by itself (RFC 9293 §3.10.7.1), and asking a player for
 * that would hold a round whose goal is reached open until its time ran out.
 */
function askedOfPlayer(from: Tcb, seg: Segment): boolean {
  return from.state !== 'CLOSED' || (has(seg, 'SYN') && !has(seg, 'ACK'));
}

/** A segment reaches the other endpoint, which processes it as RFC 9293 says. */
export function deliver(d: Draft, w: WireSegment, at: number, emit: Emit): void {
  const state = d.state;
  const to = peerOf(w.from);
  const ep = state.endpoints[to];
  const r = receive(ep.tcb, w.segment);
  const reset = r.tcb.state === 'CLOSED' || r.tcb.state === 'LISTEN';
  // What is owed is decided by the state the segment found, e.g. a FIN again in TIME-WAIT.
  const owed = r.reply && askedOfPlayer(ep.tcb, w.segment) ? { reply: r.reply, because: r.event, inState: ep.tcb.state } : stillOwed(ep.owed, r.tcb);
  const outstanding = hasUnacked(r.tcb);
  // An ACK of some but not all of what is outstanding restarts the timer for the rest (RFC 6298 §5.3).
  const advanced = outstanding && r.tcb.sndUna !== ep.tcb.sndUna && SYNCHRONIZED_STATES.has(ep.tcb.state);
  const updated: EndpointState = {
    ...ep,
    tcb: r.tcb,
    owed,
    rtoAt: !outstanding ? null : advanced ? at + state.settings.timing.rtoMs : ep.rtoAt,
    unackedCard: !outstanding ? null : advanced ? oldestUnackedCard(state, to, r.tcb.sndUna) ?? ep.unackedCard : ep.unackedCard,
    mustRetransmit: !outstanding || advanced ? null : ep.mustRetransmit,
    timeWaitAt: r.accepted && r.outcome.timeWait ? at + 2 * state.settings.timing.mslMs : reset ? null : ep.timeWaitAt,
  };
  d.replaceSegment({ ...w, status: r.accepted ? 'delivered' : 'discarded', why: r.outcome.why });
  emit({ type: 'segmentArrived', at, id: w.id, accepted: r.accepted, why: r.outcome.why });
  moveTo(d, to, updated, at, emit);
  releaseHeld(d, { from: w.from, card: w.card, on: 'arrived' }, at);
}

/** A segment vanishes halfway. */
export function lose(d: Draft, w: WireSegment, at: number, emit: Emit): void {
  emit({ type: 'segmentLost', at, id: w.id });
  d.replaceSegment({ ...w, status: 'lost' });
}
