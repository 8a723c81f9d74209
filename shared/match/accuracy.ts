/** Judged moves by verdict: a right card, a wrong one, a missed deadline (a stale card is none of them). */
export interface JudgedCounts {
  readonly correct: number;
  readonly mistakes: number;
  readonly missed: number;
}

/** How many moves were judged at all. */
export function judgedMoves(c: JudgedCounts): number {
  return c.correct + c.mistakes + c.missed;
}

/**
 * Accuracy as every screen, leaderboard, report and spreadsheet shows it: right moves as a whole
 * percentage of judged ones, rounded down so 99.6 % is not shown as a perfect 100 %; 0 when nothing
 * was judged (check `judgedMoves` to show "none" instead).
 */
export function accuracyPercent(c: JudgedCounts): number {
  const judged = judgedMoves(c);
  return judged === 0 ? 0 : Math.floor((100 * c.correct) / judged);
}
