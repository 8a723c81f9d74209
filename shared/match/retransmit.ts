/**
 * Whether a retransmission was needed. The timer fires when no answer has come; with people
 * at both ends that is as often a slow partner as a lost segment. Only a loss makes resending
 * a move worth points (scoring.ts `unneededRetransmit`): the segment itself, or the answer to it.
 */
import { segLen } from '../tcp/segment.ts';
import type { Role } from './cards.ts';
import type { MatchState } from './types.ts';

/** Whether something was lost since `role` first sent its oldest unacknowledged segment. */
export function retransmissionNeeded(state: MatchState, role: Role): boolean {
  const { sndUna } = state.endpoints[role].tcb;
  const original = state.wire.find((w) => w.from === role && !w.old && w.segment.seq === sndUna && segLen(w.segment) > 0);
  if (!original) return true;
  return state.wire.some((w) => w.status === 'lost' && w.sentAt >= original.sentAt);
}
