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

/**
 * Rows a retention sweep deletes at a time. A backlog (a sweep that could not run for a while)
 * deleted at once held SQLite's writer, and the event loop with it, for seconds, and on Postgres
 * could outlast the query timeout on every try.
 */
export const SWEEP_BATCH = 1000;

/** What one batch of a sweep did: the rows it looked at (at most the batch) and those it deleted. */
export interface Swept {
  readonly seen: number;
  readonly deleted: number;
}

/**
 * Runs `sweepSome` until a batch looks at fewer than `batch` rows, letting other work (a room's
 * patch, a player's card) run between batches; resolves to the rows deleted in all.
 */
export async function inBatches(batch: number, sweepSome: () => Promise<Swept>): Promise<number> {
  let total = 0;
  for (;;) {
    const { seen, deleted } = await sweepSome();
    total += deleted;
    if (seen < batch) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
