import { DEFAULT_CLASS_SETTINGS } from '../../shared/classroom/settings.ts';
import type { Locale } from '../../shared/i18n/messages.ts';
import { TIME_ALLOWANCES, type TimeAllowance } from '../../shared/match/timeAllowance.ts';
import type { ClassSettings } from '../../shared/protocol.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import { inBatches, SWEEP_BATCH, type Sql } from './sql.ts';

/** A class as stored; the teacher's secret only as its hash. */
export interface ClassRecord {
  readonly code: string;
  readonly secretHash: string;
  readonly locale: Locale;
  readonly settings: ClassSettings;
  readonly locked: boolean;
  readonly createdAt: number;
  readonly endedAt: number | null;
}

/**
 * The token hash of a name kept from an earlier class until its student comes (the column is
 * unique, so each has its own; no SHA-256 hex starts like this, so no token ever matches it).
 */
export const keptNameToken = (id: string): string => `kept:${id}`;

/** Whether a student is a kept name whose student has not come yet. */
export const isKeptName = (tokenHash: string): boolean => tokenHash.startsWith('kept:');

export interface StudentRecord {
  readonly id: string;
  readonly classCode: string;
  readonly nickname: string;
  readonly tokenHash: string;
  readonly kicked: boolean;
  readonly joinedAt: number;
  /** Extra time or no deadline the teacher gave them. */
  readonly allowance: TimeAllowance;
}

export interface ClassRoundRecord {
  readonly roundNo: number;
  readonly scenarioId: ScenarioId;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** The server stopped during the round; its results may be missing. */
  readonly interrupted: boolean;
}

interface ClassRow { code: string; secret_hash: string; locale: string; settings: string; locked: number; created_at: number; ended_at: number | null }
interface StudentRow { id: string; class_code: string; nickname: string; token_hash: string; kicked: number; joined_at: number; time_allowance: string }
interface RoundRow { round_no: number; scenario_id: string; started_at: number; ended_at: number | null; interrupted: number }

const toClass = (r: ClassRow): ClassRecord => ({
  code: r.code, secretHash: r.secret_hash, locale: r.locale as Locale,
  // A class stored before a setting existed has that setting's default.
  settings: { ...DEFAULT_CLASS_SETTINGS, ...(JSON.parse(r.settings) as Partial<ClassSettings>) },
  locked: r.locked === 1, createdAt: r.created_at, endedAt: r.ended_at,
});

const toAllowance = (stored: string): TimeAllowance => TIME_ALLOWANCES.find((a) => a === stored) ?? 'normal';

const toStudent = (r: StudentRow): StudentRecord => ({
  id: r.id, classCode: r.class_code, nickname: r.nickname, tokenHash: r.token_hash, kicked: r.kicked === 1, joinedAt: r.joined_at,
  allowance: toAllowance(r.time_allowance),
});

/**
 * Classes, their students and rounds. Written as things happen (a join, a kick, a round), so
 * a report needs nothing from a live room and a restart loses nothing that was done.
 */
export class ClassStore {
  readonly #sql: Sql;
  constructor(sql: Sql) {
    this.#sql = sql;
  }

  /** Whether a class ever had this code: codes are never reused, or reports would mix. */
  async exists(code: string): Promise<boolean> {
    return (await this.#sql.get('SELECT 1 AS one FROM classes WHERE code = $1', [code])) !== undefined;
  }

  async create(c: Omit<ClassRecord, 'locked' | 'endedAt'>): Promise<void> {
    await this.#sql.run('INSERT INTO classes (code, secret_hash, locale, settings, created_at) VALUES ($1, $2, $3, $4, $5)',
      [c.code, c.secretHash, c.locale, JSON.stringify(c.settings), c.createdAt]);
  }

  async get(code: string): Promise<ClassRecord | undefined> {
    const row = await this.#sql.get<ClassRow>('SELECT * FROM classes WHERE code = $1', [code]);
    return row && toClass(row);
  }

  async saveSettings(code: string, settings: ClassSettings): Promise<void> {
    await this.#sql.run('UPDATE classes SET settings = $1 WHERE code = $2', [JSON.stringify(settings), code]);
  }

  async setLocked(code: string, locked: boolean): Promise<void> {
    await this.#sql.run('UPDATE classes SET locked = $1 WHERE code = $2', [locked ? 1 : 0, code]);
  }

  async end(code: string, at: number): Promise<void> {
    await this.#sql.run('UPDATE classes SET ended_at = $1 WHERE code = $2 AND ended_at IS NULL', [at, code]);
  }

  async addStudent(s: Omit<StudentRecord, 'kicked' | 'allowance'>): Promise<void> {
    await this.#sql.run('INSERT INTO class_students (id, class_code, nickname, token_hash, joined_at) VALUES ($1, $2, $3, $4, $5)',
      [s.id, s.classCode, s.nickname, s.tokenHash, s.joinedAt]);
  }

  /** Every student of a class, kicked ones included, in joining order. */
  async students(code: string): Promise<StudentRecord[]> {
    const rows = await this.#sql.all<StudentRow>('SELECT * FROM class_students WHERE class_code = $1 ORDER BY joined_at, id', [code]);
    return rows.map(toStudent);
  }

  /** A name carried over from an earlier class is taken by its student: their token from now on. */
  async claimStudent(code: string, studentId: string, tokenHash: string): Promise<void> {
    await this.#sql.run('UPDATE class_students SET token_hash = $1 WHERE class_code = $2 AND id = $3', [tokenHash, code, studentId]);
  }

  /**
   * The classes whose teacher's secret hashes to one of `hashes`, newest first: a teacher's
   * browser proves which classes are its own by the secrets it keeps, and sees no others.
   */
  async bySecretHashes(hashes: readonly string[]): Promise<ClassRecord[]> {
    if (hashes.length === 0) return [];
    const rows = await this.#sql.all<ClassRow>(
      `SELECT * FROM classes WHERE secret_hash IN (${hashes.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY created_at DESC, code`, hashes);
    return rows.map(toClass);
  }

  async setAllowance(code: string, studentId: string, allowance: TimeAllowance): Promise<void> {
    await this.#sql.run('UPDATE class_students SET time_allowance = $1 WHERE class_code = $2 AND id = $3', [allowance, code, studentId]);
  }

  async kick(code: string, studentId: string): Promise<void> {
    await this.#sql.run('UPDATE class_students SET kicked = 1 WHERE class_code = $1 AND id = $2', [code, studentId]);
  }

  /** Starts a round; starting the same round again starts it afresh. */
  async startRound(code: string, roundNo: number, scenarioId: ScenarioId, at: number): Promise<void> {
    await this.#sql.run(`INSERT INTO class_rounds (class_code, round_no, scenario_id, started_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (class_code, round_no) DO UPDATE SET scenario_id = excluded.scenario_id, started_at = excluded.started_at,
        ended_at = NULL, interrupted = 0`, [code, roundNo, scenarioId, at]);
  }

  async endRound(code: string, roundNo: number, at: number): Promise<void> {
    await this.#sql.run('UPDATE class_rounds SET ended_at = $1 WHERE class_code = $2 AND round_no = $3', [at, code, roundNo]);
  }

  async rounds(code: string): Promise<ClassRoundRecord[]> {
    const rows = await this.#sql.all<RoundRow>(
      'SELECT round_no, scenario_id, started_at, ended_at, interrupted FROM class_rounds WHERE class_code = $1 ORDER BY round_no', [code]);
    return rows.map((r) => ({
      roundNo: r.round_no, scenarioId: r.scenario_id as ScenarioId, startedAt: r.started_at, endedAt: r.ended_at, interrupted: r.interrupted === 1,
    }));
  }

  /** Classes not ended (by their teacher or by standing empty): a restart brings each back. */
  async openClasses(): Promise<ClassRecord[]> {
    const rows = await this.#sql.all<ClassRow>('SELECT * FROM classes WHERE ended_at IS NULL ORDER BY created_at, code');
    return rows.map(toClass);
  }

  /**
   * Marks the rounds of a class that never ended as interrupted (the process running them
   * stopped, or the class closed in the middle of one). Returns how many.
   */
  async interruptRounds(code: string, at: number): Promise<number> {
    return this.#sql.run('UPDATE class_rounds SET ended_at = $1, interrupted = 1 WHERE class_code = $2 AND ended_at IS NULL', [at, code]);
  }

  /**
   * Ends every class a previous process left open (it stopped without ending them: a crash, a
   * kill -9), and marks the rounds it left running as interrupted, except those `isLive` says
   * are open somewhere (another process on the same Postgres). Run at start-up. Returns the
   * codes of the classes ended.
   */
  async endOrphans(at: number, isLive: (code: string) => boolean | Promise<boolean> = () => false): Promise<string[]> {
    const open = (await this.#sql.all<{ code: string }>('SELECT code FROM classes WHERE ended_at IS NULL')).map((r) => r.code);
    const orphans: string[] = [];
    for (const code of open) if (!(await isLive(code))) orphans.push(code);
    await this.#sql.atomically(orphans.flatMap((code) => [
      { sql: 'UPDATE class_rounds SET ended_at = $1, interrupted = 1 WHERE ended_at IS NULL AND class_code = $2', params: [at, code] },
      { sql: 'UPDATE classes SET ended_at = $1 WHERE ended_at IS NULL AND code = $2', params: [at, code] },
    ]));
    return orphans;
  }

  /**
   * Deletes classes created before `before` that never started a round (created and abandoned:
   * nothing to report), with their students, except those `isLive` says are open. Returns how
   * many. A batch of classes per transaction, in order of code: an open class is passed over, not
   * looked at again.
   */
  async deleteAbandoned(before: number, isLive: (code: string) => boolean, batch = SWEEP_BATCH): Promise<number> {
    let after = '';
    return inBatches(batch, async () => {
      const rows = await this.#sql.all<{ code: string }>(`SELECT code FROM classes WHERE created_at < $1 AND code > $2
        AND NOT EXISTS (SELECT 1 FROM class_rounds WHERE class_code = classes.code) ORDER BY code LIMIT $3`, [before, after, batch]);
      after = rows.at(-1)?.code ?? after;
      const dead = rows.map((r) => r.code).filter((code) => !isLive(code));
      // A round started since the look-up keeps its class: the delete checks again.
      const counts = await this.#sql.atomically(dead.flatMap((code) => [
        { sql: 'DELETE FROM class_students WHERE class_code = $1 AND NOT EXISTS (SELECT 1 FROM class_rounds WHERE class_code = $1)', params: [code] },
        { sql: 'DELETE FROM classes WHERE code = $1 AND NOT EXISTS (SELECT 1 FROM class_rounds WHERE class_code = $1)', params: [code] },
      ]));
      return { seen: rows.length, deleted: counts.filter((_, i) => i % 2 === 1).reduce((n, d) => n + d, 0) };
    });
  }
}
