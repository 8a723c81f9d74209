import { DEFAULT_CLASS_SETTINGS } from '../../shared/classroom/settings.ts';
import type { Locale } from '../../shared/i18n/messages.ts';
import type { ClassSettings } from '../../shared/protocol.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import type { Database } from './database.ts';

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
interface StudentRow { id: string; class_code: string; nickname: string; token_hash: string; kicked: number; joined_at: number }
interface RoundRow { round_no: number; scenario_id: string; started_at: number; ended_at: number | null; interrupted: number }

const toClass = (r: ClassRow): ClassRecord => ({
  code: r.code, secretHash: r.secret_hash, locale: r.locale as Locale,
  // A class stored before a setting existed has that setting's default.
  settings: { ...DEFAULT_CLASS_SETTINGS, ...(JSON.parse(r.settings) as Partial<ClassSettings>) },
  locked: r.locked === 1, createdAt: r.created_at, endedAt: r.ended_at,
});

const toStudent = (r: StudentRow): StudentRecord => ({
  id: r.id, classCode: r.class_code, nickname: r.nickname, tokenHash: r.token_hash, kicked: r.kicked === 1, joinedAt: r.joined_at,
});

/**
 * Classes, their students and rounds. Written as things happen (a join, a kick, a round), so
 * a report needs nothing from a live room and a restart loses nothing that was done.
 */
export class ClassStore {
  readonly #db: Database;
  constructor(db: Database) {
    this.#db = db;
  }

  /** Whether a class ever had this code: codes are never reused, or reports would mix. */
  exists(code: string): boolean {
    return this.#db.prepare('SELECT 1 FROM classes WHERE code = ?').get(code) !== undefined;
  }

  create(c: Omit<ClassRecord, 'locked' | 'endedAt'>): void {
    this.#db.prepare('INSERT INTO classes (code, secret_hash, locale, settings, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(c.code, c.secretHash, c.locale, JSON.stringify(c.settings), c.createdAt);
  }

  get(code: string): ClassRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM classes WHERE code = ?').get(code) as ClassRow | undefined;
    return row && toClass(row);
  }

  saveSettings(code: string, settings: ClassSettings): void {
    this.#db.prepare('UPDATE classes SET settings = ? WHERE code = ?').run(JSON.stringify(settings), code);
  }

  setLocked(code: string, locked: boolean): void {
    this.#db.prepare('UPDATE classes SET locked = ? WHERE code = ?').run(locked ? 1 : 0, code);
  }

  end(code: string, at: number): void {
    this.#db.prepare('UPDATE classes SET ended_at = ? WHERE code = ? AND ended_at IS NULL').run(at, code);
  }

  addStudent(s: Omit<StudentRecord, 'kicked'>): void {
    this.#db.prepare('INSERT INTO class_students (id, class_code, nickname, token_hash, joined_at) VALUES (?, ?, ?, ?, ?)')
      .run(s.id, s.classCode, s.nickname, s.tokenHash, s.joinedAt);
  }

  /** Every student of a class, kicked ones included, in joining order. */
  students(code: string): StudentRecord[] {
    const rows = this.#db.prepare('SELECT * FROM class_students WHERE class_code = ? ORDER BY joined_at, id').all(code) as unknown as StudentRow[];
    return rows.map(toStudent);
  }

  /** A name carried over from an earlier class is taken by its student: their token from now on. */
  claimStudent(code: string, studentId: string, tokenHash: string): void {
    this.#db.prepare('UPDATE class_students SET token_hash = ? WHERE class_code = ? AND id = ?').run(tokenHash, code, studentId);
  }

  /**
   * The classes whose teacher's secret hashes to one of `hashes`, newest first: a teacher's
   * browser proves which classes are its own by the secrets it keeps, and sees no others.
   */
  bySecretHashes(hashes: readonly string[]): ClassRecord[] {
    if (hashes.length === 0) return [];
    const rows = this.#db.prepare(`SELECT * FROM classes WHERE secret_hash IN (${hashes.map(() => '?').join(', ')}) ORDER BY created_at DESC, code`)
      .all(...hashes) as unknown as ClassRow[];
    return rows.map(toClass);
  }

  kick(code: string, studentId: string): void {
    this.#db.prepare('UPDATE class_students SET kicked = 1 WHERE class_code = ? AND id = ?').run(code, studentId);
  }

  startRound(code: string, roundNo: number, scenarioId: ScenarioId, at: number): void {
    this.#db.prepare('INSERT OR REPLACE INTO class_rounds (class_code, round_no, scenario_id, started_at) VALUES (?, ?, ?, ?)')
      .run(code, roundNo, scenarioId, at);
  }

  endRound(code: string, roundNo: number, at: number): void {
    this.#db.prepare('UPDATE class_rounds SET ended_at = ? WHERE class_code = ? AND round_no = ?').run(at, code, roundNo);
  }

  rounds(code: string): ClassRoundRecord[] {
    const rows = this.#db.prepare('SELECT round_no, scenario_id, started_at, ended_at, interrupted FROM class_rounds WHERE class_code = ? ORDER BY round_no')
      .all(code) as unknown as RoundRow[];
    return rows.map((r) => ({
      roundNo: r.round_no, scenarioId: r.scenario_id as ScenarioId, startedAt: r.started_at, endedAt: r.ended_at, interrupted: r.interrupted === 1,
    }));
  }

  /** Classes not ended (by their teacher or by standing empty): a restart brings each back. */
  openClasses(): ClassRecord[] {
    const rows = this.#db.prepare('SELECT * FROM classes WHERE ended_at IS NULL ORDER BY created_at, code').all() as unknown as ClassRow[];
    return rows.map(toClass);
  }

  /**
   * Marks the rounds of a class that never ended as interrupted (the process running them
   * stopped, or the class closed in the middle of one). Returns how many.
   */
  interruptRounds(code: string, at: number): number {
    const done = this.#db.prepare('UPDATE class_rounds SET ended_at = ?, interrupted = 1 WHERE class_code = ? AND ended_at IS NULL').run(at, code);
    return Number(done.changes);
  }

  /**
   * Ends every class a previous process left open (it stopped without ending them: a crash, a
   * kill -9), and marks the rounds it left running as interrupted. Run at start-up, before any
   * class opens. Returns the codes of the classes ended.
   */
  endOrphans(at: number): string[] {
    const codes = (this.#db.prepare('SELECT code FROM classes WHERE ended_at IS NULL').all() as unknown as { code: string }[]).map((r) => r.code);
    this.#db.prepare(`UPDATE class_rounds SET ended_at = ?, interrupted = 1
      WHERE ended_at IS NULL AND class_code IN (SELECT code FROM classes WHERE ended_at IS NULL)`).run(at);
    this.#db.prepare('UPDATE classes SET ended_at = ? WHERE ended_at IS NULL').run(at);
    return codes;
  }

  /**
   * Deletes classes created before `before` that never started a round (created and abandoned:
   * nothing to report), with their students, except those `isLive` says are open. Returns how many.
   */
  deleteAbandoned(before: number, isLive: (code: string) => boolean): number {
    const rows = this.#db.prepare(`SELECT code FROM classes WHERE created_at < ?
      AND NOT EXISTS (SELECT 1 FROM class_rounds WHERE class_code = classes.code)`).all(before) as unknown as { code: string }[];
    const dead = rows.map((r) => r.code).filter((code) => !isLive(code));
    const students = this.#db.prepare('DELETE FROM class_students WHERE class_code = ?');
    const classes = this.#db.prepare('DELETE FROM classes WHERE code = ?');
    for (const code of dead) {
      students.run(code);
      classes.run(code);
    }
    return dead.length;
  }
}
