/**
 * The one interface the stores talk to, with two implementations: SQLite (node:sqlite, a file
 * under the data directory, the default) and Postgres (`DATABASE_URL`, for many processes). The
 * stores' SQL is written once for both: parameters are numbered (`$1`, `$2`…, which both accept),
 * integers come back as numbers from both, and the few column types that differ come from the
 * migrations' vocabulary (migrations.ts).
 */

export type Dialect = 'sqlite' | 'postgres';

/** What a parameter may be: flags are stored as 0/1 and times as integer milliseconds. */
export type SqlValue = string | number | null;

/** One statement with its parameters, for `atomically`. */
export interface Statement {
  readonly sql: string;
  readonly params?: readonly SqlValue[];
}

export interface Sql {
  readonly dialect: Dialect;
  /** Every row the query returns. */
  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** The first row, or undefined. */
  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs the statements in one transaction, all written or none; resolves to each one's changed rows. */
  atomically(statements: readonly Statement[]): Promise<number[]>;
  /** Waits for the writes under way, then closes. */
  close(): Promise<void>;
}
