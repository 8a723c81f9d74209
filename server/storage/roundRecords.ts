import { randomBytes } from 'node:crypto';
import type { StatementSync } from 'node:sqlite';
import type { RoundRecord } from '../../shared/capture/roundRecord.ts';
import type { Database } from './database.ts';

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

/** Finished rounds kept whole, for their capture files and replays. */
export class RoundRecordStore {
  readonly #db: Database;
  readonly #insert: StatementSync;
  readonly #get: StatementSync;

  constructor(db: Database) {
    this.#db = db;
    this.#insert = db.prepare(`INSERT INTO round_records (id, mode, room_code, round_no, class_code, student_ids, record, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#get = db.prepare('SELECT * FROM round_records WHERE id = ?');
  }

  /** Keeps a round and returns its new id: 96 random bits, so a link cannot be guessed. */
  save(round: Omit<StoredRound, 'id'>): string {
    const id = randomBytes(12).toString('base64url');
    this.#insert.run(id, round.mode, round.roomCode, round.roundNo, round.classCode, JSON.stringify(round.studentIds),
      JSON.stringify(round.record), round.createdAt);
    return id;
  }

  get(id: string): StoredRound | undefined {
    const row = this.#get.get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** A class's rounds, one per pair, in round order. */
  ofClass(classCode: string): StoredRound[] {
    const rows = this.#db.prepare('SELECT * FROM round_records WHERE class_code = ? ORDER BY round_no, created_at').all(classCode) as unknown as Row[];
    return rows.map(fromRow);
  }
}
