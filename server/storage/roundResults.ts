import type { Role } from '../../shared/match/cards.ts';
import type { MoveRecord, RoundStatus } from '../../shared/match/types.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import type { StatementSync } from 'node:sqlite';
import { inTransaction, type Database } from './database.ts';

/** What one player did in one finished round. */
export interface RoundResult {
  readonly mode: string;
  readonly roomCode: string;
  readonly roundNo: number;
  readonly scenarioId: ScenarioId;
  readonly status: Exclude<RoundStatus, 'playing'>;
  readonly playerId: string;
  readonly nickname: string;
  readonly role: Role;
  readonly isBot: boolean;
  readonly points: number;
  readonly correct: number;
  readonly mistakes: number;
  readonly missed: number;
  /** Right moves made with the ★ hint showing. */
  readonly hinted: number;
  readonly bestStreak: number;
  readonly moves: readonly MoveRecord[];
  readonly finishedAt: number;
}

interface Row {
  mode: string; room_code: string; round_no: number; scenario_id: string; status: string; player_id: string;
  nickname: string; role: string; is_bot: number; points: number; correct: number; mistakes: number; missed: number;
  best_streak: number; moves: string; finished_at: number; hinted: number;
}

/** Round results: written once when a round ends, read by reports. */
export class RoundResultStore {
  readonly #db: Database;
  readonly #insert: StatementSync;
  constructor(db: Database) {
    this.#db = db;
    // Prepared once: rounds end often under load, and parsing SQL each time is wasted work.
    this.#insert = db.prepare(`
      INSERT INTO round_results (mode, room_code, round_no, scenario_id, status, player_id, nickname, role, is_bot,
        points, correct, mistakes, missed, best_streak, moves, finished_at, hinted)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Records the results of one round (both seats) in one transaction. */
  save(results: readonly RoundResult[]): void {
    const insert = this.#insert;
    inTransaction(this.#db, () => {
      for (const r of results) {
        insert.run(r.mode, r.roomCode, r.roundNo, r.scenarioId, r.status, r.playerId, r.nickname, r.role, r.isBot ? 1 : 0,
          r.points, r.correct, r.mistakes, r.missed, r.bestStreak, JSON.stringify(r.moves), r.finishedAt, r.hinted);
      }
    });
  }

  /** Every result of a room (a pair room's code or a class's), oldest round first. */
  forRoom(roomCode: string): RoundResult[] {
    const rows = this.#db.prepare('SELECT * FROM round_results WHERE room_code = ? ORDER BY round_no, id').all(roomCode) as unknown as Row[];
    return rows.map((r) => ({
      mode: r.mode, roomCode: r.room_code, roundNo: r.round_no, scenarioId: r.scenario_id as ScenarioId,
      status: r.status as RoundResult['status'], playerId: r.player_id, nickname: r.nickname, role: r.role as Role,
      isBot: r.is_bot === 1, points: r.points, correct: r.correct, mistakes: r.mistakes, missed: r.missed, hinted: r.hinted,
      bestStreak: r.best_streak, moves: JSON.parse(r.moves) as MoveRecord[], finishedAt: r.finished_at,
    }));
  }
}
