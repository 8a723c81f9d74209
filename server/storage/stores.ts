import { ChallengeEntryStore } from './challengeEntries.ts';
import { ClassStore } from './classes.ts';
import { RoundRecordStore } from './roundRecords.ts';
import { RoundResultStore } from './roundResults.ts';
import type { Sql } from './sql.ts';
import { openSqlite } from './sqlite.ts';

/** Everything the rooms persist, opened once per process and handed to the rooms. */
export interface Stores {
  /** The database under the stores, SQLite or Postgres. */
  readonly sql: Sql;
  readonly results: RoundResultStore;
  readonly rounds: RoundRecordStore;
  readonly challenges: ChallengeEntryStore;
  readonly classes: ClassStore;
}

/** The stores on an open, migrated database. */
export function storesOn(sql: Sql): Stores {
  return { sql, results: new RoundResultStore(sql), rounds: new RoundRecordStore(sql), challenges: new ChallengeEntryStore(sql), classes: new ClassStore(sql) };
}

/** Opens the SQLite file (':memory:' for tests) and the stores on it. */
export function openStores(file: string): Stores {
  return storesOn(openSqlite(file));
}
