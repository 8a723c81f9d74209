import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';

/**
 * The embedded database: one SQLite file under the data directory, created on first start.
 * node:sqlite ships with Node itself, so there is nothing to compile or download (a native
 * SQLite binding would need a prebuilt binary from outside the npm registry, or a compiler).
 */
export type Database = DatabaseSync;

/** Opens (creating if needed) the database at `file`, or an in-memory one for ':memory:'. */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  // WAL keeps readers (reports, leaderboards) from blocking the rooms that write results;
  // synchronous=NORMAL is durable across a process crash, which is what a restart needs.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);
  return db;
}

/** Applies the migrations the file has not seen yet, each in its own transaction. */
export function migrate(db: Database): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  const current = row?.user_version ?? 0;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    inTransaction(db, () => {
      db.exec(m.sql);
      db.exec(`PRAGMA user_version = ${m.version}`);
    });
  }
}

/** Runs `work` atomically: all of it is written, or none. */
export function inTransaction<T>(db: Database, work: () => T): T {
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
