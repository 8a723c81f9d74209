/** One student's totals, as stored. */
export interface Totals {
  readonly id: string;
  readonly nickname: string;
  readonly points: number;
  readonly correct: number;
  readonly mistakes: number;
  readonly missed: number;
}

/** A row of a leaderboard. */
export interface Standing extends Totals {
  /** Competition ranking: equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
  readonly rank: number;
  /** Correct moves as a share of all judged moves, 0 to 1. */
  readonly accuracy: number;
}

/** Correct share of judged moves; 1 before anything was judged. */
export function accuracyOf(t: Pick<Totals, 'correct' | 'mistakes' | 'missed'>): number {
  const judged = t.correct + t.mistakes + t.missed;
  return judged === 0 ? 1 : t.correct / judged;
}

/** Ranks by points, then accuracy; ties share a rank; names only order equal rows for display. */
export function rankStandings(rows: readonly Totals[]): Standing[] {
  const sorted = rows
    .map((r) => ({ ...r, accuracy: accuracyOf(r) }))
    .sort((a, b) => b.points - a.points || b.accuracy - a.accuracy || a.nickname.localeCompare(b.nickname) || a.id.localeCompare(b.id));
  const out: Standing[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    const tied = prev !== undefined && prev.points === r.points && prev.accuracy === r.accuracy;
    out.push({ ...r, rank: tied ? prev.rank : i + 1 });
  });
  return out;
}
