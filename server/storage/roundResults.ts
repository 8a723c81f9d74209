import type { Role } from '../../shared/match/cards.ts';
import type { MoveRecord, RoundStatus } from '../../shared/match/types.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import type { Sql } from './sql.ts';

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

const INSERT = `
  INSERT INTO round_results (mode, room_code, round_no, scenario_id, status, player_id, nickname, role, is_bot,
    points, correct, mistakes, missed, best_streak, moves, finished_at, hinted)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`;

/** Round results: written once when a round ends, read by reports. */
export class RoundResultStore {
  readonly #sql: Sql;
  constructor(sql: Sql) {
    this.#sql = sql;
  }

  /** Records the results of one round (both seats) in one transaction. */
  async save(results: readonly RoundResult[]): Promise<void> {
    await this.#sql.atomically(results.map((r) => ({
      sql: INSERT,
      params: [r.mode, r.roomCode, r.roundNo, r.scenarioId, r.status, r.playerId, r.nickname, r.role, r.isBot ? 1 : 0,
        r.points, r.correct, r.mistakes, r.missed, r.bestStreak, JSON.stringify(r.moves), r.finishedAt, r.hinted],
    })));
  }

  /** Every result of a room (a pair room's code or a class's), oldest round first. */
  async forRoom(roomCode: string): Promise<RoundResult[]> {
    const rows = await this.#sql.all<Row>('SELECT * FROM round_results WHERE room_code = $1 ORDER BY round_no, id', [roomCode]);
    return rows.map((r) => ({
      mode: r.mode, roomCode: r.room_code, roundNo: r.round_no, scenarioId: r.scenario_id as ScenarioId,
      status: r.status as RoundResult['status'], playerId: r.player_id, nickname: r.nickname, role: r.role as Role,
      isBot: r.is_bot === 1, points: r.points, correct: r.correct, mistakes: r.mistakes, missed: r.missed, hinted: r.hinted,
      bestStreak: r.best_streak, moves: JSON.parse(r.moves) as MoveRecord[], finishedAt: r.finished_at,
    }));
  }
}
