/**
 * The embedded database: one SQLite file under the data directory, created on first start.
 * node:sqlite ships with Node itself, so there is nothing to compile or download (a native
 * SQLite binding would need a prebuilt binary from outside the npm registry, or a compiler).
 * Its calls are synchronous; behind the `Sql` interface they resolve at once, and a
 * transaction runs in one go, so no other statement can slip into it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { COLUMN_TYPES, MIGRATIONS } from './migrations.ts';
import type { Sql, SqlValue, Statement } from './sql.ts';

/** Opens (creating if needed) the database at `file`, or an in-memory one for ':memory:', migrated. */
export function openSqlite(file: string): Sql {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  // WAL keeps readers (reports, leaderboards) from blocking the rooms that write results;
  // synchronous=NORMAL is durable across a process crash, which is what a restart needs.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);
  // Prepared once per text: rounds end often under load, and parsing SQL each time is wasted work.
  const prepared = new Map<string, StatementSync>();
  const statement = (sql: string): StatementSync => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const run = (sql: string, params: readonly SqlValue[] = []) => Number(statement(sql).run(bind(params)).changes);
  return {
    dialect: 'sqlite',
    all: async <R>(sql: string, params: readonly SqlValue[] = []) => statement(sql).all(bind(params)) as R[],
    get: async <R>(sql: string, params: readonly SqlValue[] = []) => statement(sql).get(bind(params)) as R | undefined,
    run: async (sql, params) => run(sql, params),
    atomically: async (statements: readonly Statement[]) => inTransaction(db, () => statements.map((s) => run(s.sql, s.params))),
    close: async () => db.close(),
  };
}

/** `$1`, `$2`… are named parameters to SQLite (`$` and a name), bound here by their numbers. */
function bind(params: readonly SqlValue[]): Record<string, SQLInputValue> {
  const named: Record<string, SQLInputValue> = {};
  params.forEach((value, i) => { named[String(i + 1)] = value; });
  return named;
}

/** Applies the migrations the file has not seen yet, each in its own transaction. */
function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  const current = row?.user_version ?? 0;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    inTransaction(db, () => {
      db.exec(m.sql(COLUMN_TYPES.sqlite));
      db.exec(`PRAGMA user_version = ${m.version}`);
    });
  }
}

/** Runs `work` atomically: all of it is written, or none. */
function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}
