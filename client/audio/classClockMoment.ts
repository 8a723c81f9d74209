import type { ClassroomView } from '../../shared/protocol.ts';
import type { ClassClockMoment } from './cues.ts';

/**
 * The projector's count-down at the class room's time `now`, read from the class clock
 * (shared/classroomProtocol.ts `clockStartsAt`, `clockEndsAt`): the get-ready's seconds until
 * the first pairs' clocks start, then the round's seconds until the last pair's runs out.
 * Nothing before a pair is seated or outside a round; a paused class stands at its pause.
 */
export function classClockMoment(view: ClassroomView, now: number): ClassClockMoment {
  if (view.phase !== 'playing' || view.clockStartsAt < 0 || view.clockEndsAt < 0) return { readySeconds: null, secondsLeft: null };
  // The server stamps `serverTime` with the moment of the pause: every pair's clock stopped there.
  const at = view.paused ? Math.min(now, view.serverTime) : now;
  if (at < view.clockStartsAt) return { readySeconds: Math.ceil((view.clockStartsAt - at) / 1000), secondsLeft: null };
  return { readySeconds: null, secondsLeft: Math.max(0, Math.ceil((view.clockEndsAt - at) / 1000)) };
}
