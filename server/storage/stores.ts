import { ChallengeEntryStore } from './challengeEntries.ts';
import { ClassStore } from './classes.ts';
import { RoundRecordStore } from './roundRecords.ts';
import { RoundResultStore } from './roundResults.ts';
import type { Sql } from './sql.ts';
import { openPostgres, type PostgresOptions } from './postgres.ts';
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

/** Where a process keeps its data: Postgres when `databaseUrl` is set, else the SQLite file. */
export interface StorageLocation {
  /** postgres://… (config's DATABASE_URL); shared by every process that names it. */
  readonly databaseUrl?: string | undefined;
  /** The SQLite file (':memory:' for tests), used when there is no `databaseUrl`. */
  readonly databaseFile: string;
}

/** Opens the stores where `location` says, migrating the database first. */
export async function openStoresAt(location: StorageLocation, postgres: PostgresOptions = {}): Promise<Stores> {
  return storesOn(location.databaseUrl ? await openPostgres(location.databaseUrl, postgres) : openSqlite(location.databaseFile));
}
