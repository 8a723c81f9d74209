/**
 * The class's live leaderboard: the points of finished rounds (as the pair rooms stored them)
 * plus the moves of the running round as they are judged, ranked with the shared rules and
 * written into the synchronised list only where a row changed.
 */
import type { ArraySchema } from '@colyseus/schema';
import { rankStandings, type Totals } from '../../shared/classroom/standings.ts';
import type { MoveRecord } from '../../shared/match/types.ts';
import type { StudentTotals } from './classChannels.ts';
import { StandingState } from './schema/ClassroomState.ts';

type Score = Omit<StudentTotals, 'studentId'>;

const ZERO: Score = { points: 0, correct: 0, mistakes: 0, missed: 0 };

function add(a: Score, b: Score): Score {
  return { points: a.points + b.points, correct: a.correct + b.correct, mistakes: a.mistakes + b.mistakes, missed: a.missed + b.missed };
}

function scoreOf(move: Pick<MoveRecord, 'points' | 'verdict'>): Score {
  const v = move.verdict;
  return {
    points: move.points, correct: v === 'correct' ? 1 : 0,
    mistakes: v === 'wrongCard' || v === 'wrongNumbers' ? 1 : 0, missed: v === 'missedDeadline' ? 1 : 0,
  };
}

export class Leaderboard {
  private readonly banked = new Map<string, Score>();
  private readonly live = new Map<string, Score>();
  private changed = true;

  /** A move judged in the running round. */
  move(studentId: string, move: Pick<MoveRecord, 'points' | 'verdict'>): void {
    this.live.set(studentId, add(this.live.get(studentId) ?? ZERO, scoreOf(move)));
    this.changed = true;
  }

  /** A pair's stored result replaces what its moves added up to. */
  result(totals: StudentTotals): void {
    const { studentId, ...score } = totals;
    this.banked.set(studentId, add(this.banked.get(studentId) ?? ZERO, score));
    this.live.delete(studentId);
    this.changed = true;
  }

  /** The round is over: moves of pairs that never reported are not in the database, so not here either. */
  closeRound(): void {
    this.live.clear();
    this.changed = true;
  }

  /** Marks the list for rewriting (a student joined, was renamed or kicked). */
  touch(): void {
    this.changed = true;
  }

  /** Ranks `students` and updates `view`; false (and nothing written) when nothing changed. */
  project(view: ArraySchema<StandingState>, students: readonly { readonly id: string; readonly nickname: string }[]): boolean {
    if (!this.changed) return false;
    this.changed = false;
    const rows: Totals[] = students.map((s) => ({
      id: s.id, nickname: s.nickname, ...add(this.banked.get(s.id) ?? ZERO, this.live.get(s.id) ?? ZERO),
    }));
    const ranked = rankStandings(rows);
    ranked.forEach((r, i) => {
      const fields = {
        studentId: r.id, nickname: r.nickname, rank: r.rank, points: r.points, accuracy: r.accuracy,
        correct: r.correct, mistakes: r.mistakes, missed: r.missed,
      };
      const existing = view[i];
      if (existing) Object.assign(existing, fields);
      else view.push(new StandingState(fields));
    });
    while (view.length > ranked.length) view.pop();
    return true;
  }
}
