import { randomBytes } from 'node:crypto';
import type { RoundRecord } from '../../shared/capture/roundRecord.ts';
import type { Sql } from './sql.ts';

/** A stored round: its record, and who may read it. */
export interface StoredRound {
  readonly id: string;
  readonly mode: string;
  readonly roomCode: string;
  readonly roundNo: number;
  /** Set for a class's round: only its teacher and `studentIds` may read it. */
  readonly classCode: string | null;
  readonly studentIds: readonly string[];
  readonly record: RoundRecord;
  readonly createdAt: number;
}

interface Row { id: string; mode: string; room_code: string; round_no: number; class_code: string | null; student_ids: string; record: string; created_at: number }

const fromRow = (r: Row): StoredRound => ({
  id: r.id, mode: r.mode, roomCode: r.room_code, roundNo: r.round_no, classCode: r.class_code,
  studentIds: JSON.parse(r.student_ids) as string[], record: JSON.parse(r.record) as RoundRecord, createdAt: r.created_at,
});

/** A new round record's id: 96 random bits, so a link cannot be guessed. */
export function newRoundRecordId(): string {
  return randomBytes(12).toString('base64url');
}

/** Finished rounds kept whole, for their capture files and replays. */
export class RoundRecordStore {
  readonly #sql: Sql;
  constructor(sql: Sql) {
    this.#sql = sql;
  }

  /** Keeps a round under its id (from `newRoundRecordId`). */
  async save(round: StoredRound): Promise<void> {
    await this.#sql.run(`INSERT INTO round_records (id, mode, room_code, round_no, class_code, student_ids, record, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [round.id, round.mode, round.roomCode, round.roundNo, round.classCode,
      JSON.stringify(round.studentIds), JSON.stringify(round.record), round.createdAt]);
  }

  async get(id: string): Promise<StoredRound | undefined> {
    const row = await this.#sql.get<Row>('SELECT * FROM round_records WHERE id = $1', [id]);
    return row ? fromRow(row) : undefined;
  }

  /** A class's rounds, one per pair, in round order. */
  async ofClass(classCode: string): Promise<StoredRound[]> {
    const rows = await this.#sql.all<Row>('SELECT * FROM round_records WHERE class_code = $1 ORDER BY round_no, created_at', [classCode]);
    return rows.map(fromRow);
  }
}
