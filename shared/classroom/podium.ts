/**
 * The podium between rounds: the first three of the class's standings. Ties share a place, as
 * they share a rank; at most three students stand on it, and nobody who has not scored.
 */

/** A standing as the podium needs it. */
export interface PodiumEntry {
  readonly studentId: string;
  readonly nickname: string;
  readonly rank: number;
  readonly points: number;
}

/** The podium's places: 1, 2 and 3 in ranked order (best first); fewer when fewer students scored. */
export function podiumOf<T extends PodiumEntry>(standings: readonly T[]): T[] {
  return standings.filter((s) => s.rank <= 3 && s.points > 0).slice(0, 3);
}
