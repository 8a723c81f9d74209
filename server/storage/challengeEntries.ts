import type { StatementSync } from 'node:sqlite';
import type { ChallengeSeats } from '../../shared/challenge/run.ts';
import type { Difficulty } from '../../shared/match/settings.ts';
import { LEADERBOARD, type Board, type ChallengeKind, type LeaderboardRow } from '../../shared/protocol.ts';
import type { Database } from './database.ts';

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
 * above someone who only matched it.
 */
const RANKED = `
  WITH scoped AS (
    SELECT * FROM challenge_entries
    WHERE seats = $seats AND ($difficulty IS NULL OR difficulty = $difficulty)
      AND ($day IS NULL OR (kind = 'daily' AND day = $day))
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

/** Timed-challenge entries and the leaderboards drawn from them. */
export class ChallengeEntryStore {
  readonly #insert: StatementSync;
  readonly #top: StatementSync;
  readonly #own: StatementSync;
  readonly #size: StatementSync;
  readonly #above: StatementSync;
  readonly #forgetFree: StatementSync;

  constructor(db: Database) {
    this.#forgetFree = db.prepare("DELETE FROM challenge_entries WHERE kind = 'free' AND created_at < ?");
    // A second daily entry of the same player and day hits the unique index and is skipped.
    this.#insert = db.prepare(`
      INSERT INTO challenge_entries (player_id, nickname, kind, day, seed, difficulty, seats, points, accuracy,
        best_streak, rounds_won, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    this.#top = db.prepare(`${RANKED} SELECT * FROM ranked ORDER BY points DESC, created_at, id LIMIT ${LEADERBOARD.top}`);
    this.#own = db.prepare(`${RANKED} SELECT * FROM ranked WHERE player_id = $player`);
    this.#size = db.prepare(`${RANKED} SELECT COUNT(*) AS n FROM ranked`);
    this.#above = db.prepare(`${RANKED} SELECT COUNT(*) AS n FROM ranked WHERE points > $points AND player_id <> $player`);
  }

  /** Stores `entry`; false when it is a daily challenge and the player already has that day's. */
  record(e: ChallengeEntry): boolean {
    const result = this.#insert.run(e.playerId, e.nickname, e.kind, e.day, e.seed, e.difficulty, e.seats, e.points,
      e.accuracy, e.bestStreak, e.roundsWon, e.createdAt);
    return Number(result.changes) === 1;
  }

  /** The best lines of the board, at most LEADERBOARD.top. */
  top(scope: BoardScope): LeaderboardRow[] {
    return (this.#top.all(params(scope)) as unknown as Row[]).map(toRow);
  }

  /** The player's own line, wherever it ranks; null when they are not on the board. */
  lineOf(scope: BoardScope, playerId: string): LeaderboardRow | null {
    const row = this.#own.get({ ...params(scope), player: playerId }) as unknown as Row | undefined;
    return row ? toRow(row) : null;
  }

  /** How many players the board ranks. */
  size(scope: BoardScope): number {
    return (this.#size.get(params(scope)) as { n: number }).n;
  }

  /** The rank `points` take on the board, beside everyone but the player themself (ties share it). */
  rankOf(scope: BoardScope, points: number, playerId: string): number {
    return 1 + (this.#above.get({ ...params(scope), points, player: playerId }) as { n: number }).n;
  }

  /** Deletes free-play entries finished before `before` (the retention policy); returns how many. */
  forgetFreePlayBefore(before: number): number {
    return Number(this.#forgetFree.run(before).changes);
  }
}

function params(scope: BoardScope): Record<string, string | null> {
  if (scope.board === 'daily' && !scope.day) throw new Error('a daily board needs its day');
  return { seats: scope.seats, difficulty: scope.difficulty ?? null, day: scope.board === 'daily' ? scope.day! : null };
}
