import type { RoleScore } from './types.ts';

/** The scoring rules of DESIGN.md §3, as data. */
export const SCORING = {
  base: 100,
  /** Paid in full for a move made at once, nothing for one made at the deadline. */
  speedBonusMax: 50,
  /** Each correct move in a row adds this to the multiplier, up to `streakCap`. */
  streakStep: 0.1,
  streakCap: 2,
  /** A right move made with the ★ hint showing: this base, no speed bonus (the streak still multiplies). */
  hintedBase: 50,
  /**
   * A retransmission nothing was lost for: the timer fired only because the partner had not
   * answered yet. It is right (TCP resends), but it scores nothing and leaves the streak as it
   * is, or a slow partner would hand the fast one points (both play perfectly; the scores stay
   * comparable). A segment really lost is another matter: resending it scores as any move.
   */
  unneededRetransmit: 0,
  wrongCard: -40,
  wrongNumbers: -25,
  missedDeadline: -20,
  /** A card that crossed an arrival (stale.ts): not sent, nothing lost, the streak kept. */
  stale: 0,
} as const;

export const ZERO_SCORE: RoleScore = { points: 0, streak: 0, bestStreak: 0, correct: 0, mistakes: 0, missed: 0, hinted: 0 };

/** How a right move is paid: in full, with the hint showing, or a retransmission nothing needed. */
export type RightMove = 'unaided' | 'hinted' | 'unneeded';

/** Points for a correct move: base plus speed bonus, times the streak multiplier. */
export function correctPoints(streak: number, remainingFraction: number, kind: RightMove = 'unaided'): number {
  if (kind === 'unneeded') return SCORING.unneededRetransmit;
  const speed = kind === 'hinted' ? 0 : Math.floor(SCORING.speedBonusMax * Math.min(1, Math.max(0, remainingFraction)));
  const base = kind === 'hinted' ? SCORING.hintedBase : SCORING.base;
  const multiplier = Math.min(SCORING.streakCap, 1 + SCORING.streakStep * streak);
  return Math.round((base + speed) * multiplier);
}

/** The score after a correct move worth `points`; an unneeded retransmission does not lengthen the streak. */
export function scoreCorrect(s: RoleScore, points: number, kind: RightMove = 'unaided', hinted = kind === 'hinted'): RoleScore {
  const streak = kind === 'unneeded' ? s.streak : s.streak + 1;
  return {
    ...s, points: s.points + points, streak, bestStreak: Math.max(s.bestStreak, streak), correct: s.correct + 1,
    hinted: s.hinted + (hinted ? 1 : 0),
  };
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
