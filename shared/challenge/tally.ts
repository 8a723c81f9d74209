import { accuracyPercent } from '../match/accuracy.ts';
import type { MoveRecord } from '../match/types.ts';

/** What a challenge's judged moves add up to, across all its rounds. */
export interface ChallengeTally {
  readonly correct: number;
  /** Every judged move: correct, wrong card, wrong numbers, missed deadline (a stale card is none of them). */
  readonly judged: number;
  /** `accuracyPercent` of the judged moves. */
  readonly accuracy: number;
  /** Correct moves in a row at the end, and the longest such run. */
  readonly streak: number;
  readonly bestStreak: number;
}

/**
 * Counts over the whole challenge. The engine's streak starts again with every round; here a
 * streak runs across rounds, because the challenge is one long performance against the clock.
 * A missed deadline breaks it as a wrong card does (DESIGN.md §3).
 */
export function tallyChallenge(moves: readonly Pick<MoveRecord, 'verdict'>[]): ChallengeTally {
  let correct = 0;
  let streak = 0;
  let bestStreak = 0;
  let judged = 0;
  for (const m of moves) {
    // A card that crossed an arrival was not the player's fault: it neither counts nor breaks the streak.
    if (m.verdict === 'stale') continue;
    judged += 1;
    if (m.verdict === 'correct') {
      correct += 1;
      streak += 1;
      bestStreak = Math.max(bestStreak, streak);
    } else {
      streak = 0;
    }
  }
  const accuracy = accuracyPercent({ correct, mistakes: judged - correct, missed: 0 });
  return { correct, judged, accuracy, streak, bestStreak };
}
