import type { RoleScore } from './types.ts';

/** The scoring rules of DESIGN.md §3, as data. */
export const SCORING = {
  base: 100,
  /** Paid in full for a move made at once, nothing for one made at the deadline. */
  speedBonusMax: 50,
  /** Each correct move in a row adds this to the multiplier, up to `streakCap`. */
  streakStep: 0.1,
  streakCap: 2,
  wrongCard: -40,
  wrongNumbers: -25,
  missedDeadline: -20,
} as const;

export const ZERO_SCORE: RoleScore = { points: 0, streak: 0, bestStreak: 0, correct: 0, mistakes: 0, missed: 0 };

/** Points for a correct move: base plus speed bonus, times the streak multiplier. */
export function correctPoints(streak: number, remainingFraction: number): number {
  const speed = Math.floor(SCORING.speedBonusMax * Math.min(1, Math.max(0, remainingFraction)));
  const multiplier = Math.min(SCORING.streakCap, 1 + SCORING.streakStep * streak);
  return Math.round((SCORING.base + speed) * multiplier);
}

/** The score after a correct move worth `points`. */
export function scoreCorrect(s: RoleScore, points: number): RoleScore {
  const streak = s.streak + 1;
  return { ...s, points: s.points + points, streak, bestStreak: Math.max(s.bestStreak, streak), correct: s.correct + 1 };
}

/** The score after a mistake or a missed deadline; the streak is broken either way. */
export function scorePenalty(s: RoleScore, kind: 'wrongCard' | 'wrongNumbers' | 'missedDeadline'): RoleScore {
  const missed = kind === 'missedDeadline';
  return {
    ...s,
    points: s.points + SCORING[kind],
    streak: 0,
    mistakes: s.mistakes + (missed ? 0 : 1),
    missed: s.missed + (missed ? 1 : 0),
  };
}

/** Correct moves as a share of all judged moves, 0 to 1 (1 when nothing was judged). */
export function accuracy(s: RoleScore): number {
  const judged = s.correct + s.mistakes + s.missed;
  return judged === 0 ? 1 : s.correct / judged;
}
