/**
 * Whether a retransmission was needed. The timer fires when no answer has come; with people
 * at both ends that is as often a slow partner as a lost segment. Only a loss makes resending
 * a move worth points (scoring.ts `unneededRetransmit`): the segment itself, or the answer to it.
 */
import { segLen } from '../tcp/segment.ts';
import type { Card, Role } from './cards.ts';
import type { MatchState } from './types.ts';

/**
 * Whether something was lost since `role` first sent its oldest unacknowledged segment; a
 * segment the network delays without the sender knowing (scenario old-segment-time-wait) counts.
 */
export function retransmissionNeeded(state: MatchState, role: Role): boolean {
  const { sndUna } = state.endpoints[role].tcb;
  const original = state.wire.find((w) => w.from === role && !w.old && w.segment.seq === sndUna && segLen(w.segment) > 0);
  if (!original) return true;
  return state.wire.some((w) => (w.status === 'lost' || w.heldFor?.on === 'state') && w.sentAt >= original.sentAt);
}

/**
 * The card of the oldest unacknowledged segment, the one a retransmission resends (§3.10.8):
 * with data and a FIN in flight together, the first of them, not the last sent.
 */
export function oldestUnackedCard(state: MatchState, role: Role, sndUna = state.endpoints[role].tcb.sndUna): Card | null {
  const first = state.wire.find((w) => w.from === role && !w.old && w.segment.seq === sndUna && segLen(w.segment) > 0);
  return first?.card ?? null;
}
