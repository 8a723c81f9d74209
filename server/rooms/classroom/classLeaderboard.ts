/**
 * The class's live leaderboard: the points of finished rounds (as the pair rooms stored them)
 * plus the moves of the running round as they are judged, ranked with the shared rules and
 * written into a synchronised list only where a row changed. The room keeps two such lists
 * (the teacher's live one, everyone's end-of-round one) and decides when each is written.
 */
import type { ArraySchema } from '@colyseus/schema';
import { rankStandings, type Ranking, type Standing, type Totals } from '../../../shared/classroom/standings.ts';
import type { MoveRecord } from '../../../shared/match/types.ts';
import type { StudentTotals } from '../pair/classChannels.ts';
import { StandingState } from '../schema/ClassroomState.ts';

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
  /** Bumped by every change, so each list knows whether it is behind. */
  private version = 0;
  private ranking: Ranking = 'points';
  private ranked: { readonly version: number; readonly rows: readonly Standing[] } = { version: -1, rows: [] };

  /** A move judged in the running round. */
  move(studentId: string, move: Pick<MoveRecord, 'points' | 'verdict'>): void {
    this.live.set(studentId, add(this.live.get(studentId) ?? ZERO, scoreOf(move)));
    this.version++;
  }

  /** A pair's stored result replaces what its moves added up to. */
  result(totals: StudentTotals): void {
    const { studentId, ...score } = totals;
    this.banked.set(studentId, add(this.banked.get(studentId) ?? ZERO, score));
    this.live.delete(studentId);
    this.version++;
  }

  /** The round is over: moves of pairs that never reported are not in the database, so not here either. */
  closeRound(): void {
    this.live.clear();
    this.version++;
  }

  /** Ranks by points or by accuracy from now on (a class setting). */
  rankBy(by: Ranking): void {
    if (by === this.ranking) return;
    this.ranking = by;
    this.version++;
  }

  /** Marks the standings as changed (a student joined, was renamed or kicked). */
  touch(): void {
    this.version++;
  }

  /**
   * Ranks `students` and writes the rows into `list` where they differ; false (and nothing
   * written) when `list` already shows this version. `added` hears of every new row.
   */
  project(
    list: ShownStandings, students: readonly { readonly id: string; readonly nickname: string }[],
    added?: (row: StandingState) => void,
  ): boolean {
    if (list.shownVersion === this.version) return false;
    const rows = this.rank(students);
    rows.forEach((r, i) => {
      const fields = {
        studentId: r.id, nickname: r.nickname, rank: r.rank, points: r.points, accuracy: r.accuracy,
        correct: r.correct, mistakes: r.mistakes, missed: r.missed,
      };
      const existing = list.rows[i];
      if (existing) Object.assign(existing, fields);
      else {
        const row = new StandingState(fields);
        list.rows.push(row);
        added?.(row);
      }
    });
    while (list.rows.length > rows.length) list.rows.pop();
    list.shownVersion = this.version;
    return true;
  }

  private rank(students: readonly { readonly id: string; readonly nickname: string }[]): readonly Standing[] {
    // Both lists are written from the same version: ranking 200 students once is enough.
    if (this.ranked.version === this.version) return this.ranked.rows;
    const rows: Totals[] = students.map((s) => ({
      id: s.id, nickname: s.nickname, ...add(this.banked.get(s.id) ?? ZERO, this.live.get(s.id) ?? ZERO),
    }));
    this.ranked = { version: this.version, rows: rankStandings(rows, this.ranking) };
    return this.ranked.rows;
  }
}

/** A synchronised list of standings, and the leaderboard version it shows. */
export class ShownStandings {
  readonly rows: ArraySchema<StandingState>;
  shownVersion = -1;

  constructor(rows: ArraySchema<StandingState>) {
    this.rows = rows;
  }
}
