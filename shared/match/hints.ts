/**
 * When the ★ hint of an expected move shows. A hint shown at once turns play into "tap the
 * highlighted card"; shown after a mistake or a hesitation it teaches (DESIGN.md §2 "Difficulty").
 * A move made while it shows is recorded as hinted and scores less (scoring.ts).
 */
import { showsHints, type MatchSettings } from './settings.ts';
import type { EndpointState } from './types.ts';

/** When the hint of a move expected from `at` shows: after a hesitation; never without hints. */
export function hintStartsAt(settings: MatchSettings, at: number): number | null {
  return showsHints(settings.difficulty) ? at + settings.timing.hintAfterMs : null;
}

/** After a mistake the hint of the move still expected shows at once. */
export function hintAfterMistake(ep: EndpointState, at: number): EndpointState {
  if (ep.hintAt === null || ep.hintAt <= at) return ep;
  return { ...ep, hintAt: at };
}

/** Whether a move made at `at` was made with the hint showing. */
export function wasHinted(ep: EndpointState, at: number): boolean {
  return ep.hintAt !== null && at >= ep.hintAt;
}

/** Whether a view's hint shows at room time `now`; `hintAt` is -1 when it never does. */
export function hintShowing(hintAt: number, now: number): boolean {
  return hintAt >= 0 && now >= hintAt;
}
