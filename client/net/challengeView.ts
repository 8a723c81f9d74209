import type { ChallengeRoomView, PairRoomView } from '../../shared/protocol.ts';

/**
 * A challenge room as the scenes see it: the round under the pair room's names (so the match
 * screen reads it unchanged) plus the challenge around it (clock, points, streak, roles).
 */
export type ChallengeView = PairRoomView & ChallengeRoomView;

/** Whether a room's view is a challenge's: only a challenge room has a challenge clock. */
export function isChallengeView(view: PairRoomView): view is ChallengeView {
  return 'endsAt' in view && 'kind' in view;
}
