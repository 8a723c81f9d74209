import type { Role } from '../../shared/match/cards.ts';
import type { PairRoomView } from '../../shared/protocol.ts';
import type { MatchMoment } from './cues.ts';

/**
 * The match screen's sounding facts at the room's time `now`, read from the view as the screen
 * shows them: the get-ready count-down (as Match.showGetReady draws it), the header's clock, and
 * the peer's segments that have reached the player's host in the lane. `roundClock` is false
 * where the header shows another clock (the timed challenge's), so the round's seconds do not tick.
 */
export function matchMoment(view: PairRoomView, me: Role | undefined, now: number, roundClock = true): MatchMoment {
  const playing = view.phase === 'playing' && view.roundStatus === 'playing';
  const left = Math.min(view.roundClockStartsAt - now, view.roundClockStartsAt - view.roundStartedAt);
  const readySeconds = playing && me && view.scenarioId && left > 0 ? Math.ceil(left / 1000) : null;
  const running = playing && readySeconds === null && now >= view.roundClockStartsAt && roundClock;
  const secondsLeft = running ? Math.max(0, Math.ceil((view.roundEndsAt - now) / 1000)) : null;
  const arrived = new Set(view.segments
    .filter((s) => me !== undefined && s.from !== me && s.arriveAt >= 0 && s.arriveAt <= now && (s.status === 'delivered' || s.status === 'discarded'))
    .map((s) => s.id));
  return { readySeconds, secondsLeft, arrived };
}
