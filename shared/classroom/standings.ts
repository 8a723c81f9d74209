import { accuracyPercent } from '../match/accuracy.ts';
import type { MoveRecord } from '../match/types.ts';

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
  /** `accuracyPercent` of the student's judged moves. */
  readonly accuracy: number;
}

/**
 * What a class's leaderboard ranks by: points (speed counts), or accuracy (issue 19: a class
 * setting, so that students who need more time are not ranked down for it).
 */
export const RANKINGS = ['points', 'accuracy'] as const;
export type Ranking = (typeof RANKINGS)[number];

/**
 * Ranks by points, then accuracy as shown (two students whose accuracy reads the same are tied),
 * or by accuracy first and then points; ties share a rank; names only order equal rows for display.
 */
export function rankStandings(rows: readonly Totals[], by: Ranking = 'points'): Standing[] {
  const first = by === 'points' ? (r: Standing) => r.points : (r: Standing) => r.accuracy;
  const second = by === 'points' ? (r: Standing) => r.accuracy : (r: Standing) => r.points;
  const sorted = rows
    .map((r) => ({ ...r, accuracy: accuracyPercent(r), rank: 0 }))
    .sort((a, b) => first(b) - first(a) || second(b) - second(a) || a.nickname.localeCompare(b.nickname) || a.id.localeCompare(b.id));
  const out: Standing[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    const tied = prev !== undefined && prev.points === r.points && prev.accuracy === r.accuracy;
    out.push({ ...r, rank: tied ? prev.rank : i + 1 });
  });
  return out;
}

/** A score counted from judged moves (each move carries the points it scored). */
export interface MoveTally {
  readonly points: number;
  readonly correct: number;
  readonly mistakes: number;
  readonly missed: number;
  /** Right moves made with the ★ hint showing. */
  readonly hinted: number;
  readonly bestStreak: number;
}

/**
 * The score of a list of moves: the same numbers the engine keeps per role, for moves that
 * one student made (a bot that took over their seat scores for nobody).
 */
export function scoreOfMoves(moves: readonly (Pick<MoveRecord, 'points' | 'verdict'> & Partial<Pick<MoveRecord, 'hinted'>>)[]): MoveTally {
  let streak = 0;
  let t = { points: 0, correct: 0, mistakes: 0, missed: 0, hinted: 0, bestStreak: 0 };
  for (const m of moves) {
    // A stale card (it crossed an arrival) costs nothing and keeps the streak.
    if (m.verdict === 'stale') continue;
    streak = m.verdict === 'correct' ? streak + 1 : 0;
    t = {
      points: t.points + m.points,
      correct: t.correct + (m.verdict === 'correct' ? 1 : 0),
      mistakes: t.mistakes + (m.verdict === 'wrongCard' || m.verdict === 'wrongNumbers' ? 1 : 0),
      missed: t.missed + (m.verdict === 'missedDeadline' ? 1 : 0),
      hinted: t.hinted + (m.verdict === 'correct' && m.hinted ? 1 : 0),
      bestStreak: Math.max(t.bestStreak, streak),
    };
  }
  return t;
}
