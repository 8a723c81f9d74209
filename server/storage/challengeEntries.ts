import type { ChallengeSeats } from '../../shared/challenge/run.ts';
import type { Difficulty } from '../../shared/match/settings.ts';
import { LEADERBOARD, type Board, type ChallengeKind, type LeaderboardRow } from '../../shared/protocol.ts';
import { inBatches, SWEEP_BATCH, type Sql, type SqlValue } from './sql.ts';

/** One person's finished timed challenge, as the server counted it. */
export interface ChallengeEntry {
  readonly playerId: string;
  readonly nickname: string;
  readonly kind: ChallengeKind;
  /** The UTC day it started; a daily challenge's seed is this day's. */
  readonly day: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly seats: ChallengeSeats;
  readonly points: number;
  readonly accuracy: number;
  readonly bestStreak: number;
  readonly roundsWon: number;
  readonly createdAt: number;
}

/** Which entries a board ranks: a day's daily challenges or everything, one difficulty or all. */
export interface BoardScope {
  readonly board: Board;
  /** Required for the daily board. */
  readonly day?: string;
  readonly seats: ChallengeSeats;
  readonly difficulty?: Difficulty;
}

interface Row {
  nickname: string; kind: string; day: string; difficulty: string; seats: string; points: number; accuracy: number;
  best_streak: number; rounds_won: number; created_at: number; rank: number;
}

/*
 * A board has one line per player, their best entry in the scope (on a daily board there is only
 * one). Ranks are competition ranks: equal points share a rank and the next rank skips (1, 1, 3).
 * Lines with equal points are listed earlier entry first, so holding a score longer keeps you
 * above someone who only matched it. The casts tell Postgres what type a parameter that may be
 * null has (it cannot tell from `$2 IS NULL` alone); SQLite takes them as they are.
 */
const RANKED = `
  WITH scoped AS (
    SELECT * FROM challenge_entries
    WHERE seats = $1 AND (CAST($2 AS TEXT) IS NULL OR difficulty = $2)
      AND (CAST($3 AS TEXT) IS NULL OR (kind = 'daily' AND day = $3))
  ), best AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY points DESC, created_at, id) AS nth FROM scoped
  ), ranked AS (
    SELECT *, RANK() OVER (ORDER BY points DESC) AS rank FROM best WHERE nth = 1
  )`;

const toRow = (r: Row): LeaderboardRow => ({
  rank: r.rank, nickname: r.nickname, points: r.points, accuracy: r.accuracy, bestStreak: r.best_streak,
  roundsWon: r.rounds_won, kind: r.kind as ChallengeKind, difficulty: r.difficulty as Difficulty,
  seats: r.seats as ChallengeSeats, day: r.day, at: r.created_at,
});

const INSERT = `
  INSERT INTO challenge_entries (player_id, nickname, kind, day, seed, difficulty, seats, points, accuracy,
    best_streak, rounds_won, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`;
const TOP = `${RANKED} SELECT * FROM ranked ORDER BY points DESC, created_at, id LIMIT ${LEADERBOARD.top}`;
const OWN = `${RANKED} SELECT * FROM ranked WHERE player_id = $4`;
const SIZE = `${RANKED} SELECT COUNT(*) AS n FROM ranked`;
const ABOVE = `${RANKED} SELECT COUNT(*) AS n FROM ranked WHERE points > $4 AND player_id <> $5`;

/** Timed-challenge entries and the leaderboards drawn from them. */
export class ChallengeEntryStore {
  readonly #sql: Sql;
  constructor(sql: Sql) {
    this.#sql = sql;
  }

  /** Stores `entry`; false when it is a daily challenge and the player already has that day's. */
  async record(e: ChallengeEntry): Promise<boolean> {
    // A second daily entry of the same player and day hits the unique index and is skipped.
    const changed = await this.#sql.run(INSERT, [e.playerId, e.nickname, e.kind, e.day, e.seed, e.difficulty, e.seats,
      e.points, e.accuracy, e.bestStreak, e.roundsWon, e.createdAt]);
    return changed === 1;
  }

  /** The best lines of the board, at most LEADERBOARD.top. */
  async top(scope: BoardScope): Promise<LeaderboardRow[]> {
    return (await this.#sql.all<Row>(TOP, params(scope))).map(toRow);
  }

  /** The player's own line, wherever it ranks; null when they are not on the board. */
  async lineOf(scope: BoardScope, playerId: string): Promise<LeaderboardRow | null> {
    const row = await this.#sql.get<Row>(OWN, [...params(scope), playerId]);
    return row ? toRow(row) : null;
  }

  /** How many players the board ranks. */
  async size(scope: BoardScope): Promise<number> {
    return (await this.#sql.get<{ n: number }>(SIZE, params(scope)))!.n;
  }

  /** The rank `points` take on the board, beside everyone but the player themself (ties share it). */
  async rankOf(scope: BoardScope, points: number, playerId: string): Promise<number> {
    return 1 + (await this.#sql.get<{ n: number }>(ABOVE, [...params(scope), points, playerId]))!.n;
  }

  /** Deletes free-play entries finished before `before` (the retention policy); returns how many. */
  async forgetFreePlayBefore(before: number, batch = SWEEP_BATCH): Promise<number> {
    return inBatches(batch, async () => {
      const deleted = await this.#sql.run(`DELETE FROM challenge_entries WHERE id IN
        (SELECT id FROM challenge_entries WHERE kind = 'free' AND created_at < $1 LIMIT $2)`, [before, batch]);
      return { seen: deleted, deleted };
    });
  }
}

/** The scope as RANKED's parameters $1 (seats), $2 (difficulty or null) and $3 (day or null). */
function params(scope: BoardScope): SqlValue[] {
  if (scope.board === 'daily' && !scope.day) throw new Error('a daily board needs its day');
  return [scope.seats, scope.difficulty ?? null, scope.board === 'daily' ? scope.day! : null];
}
