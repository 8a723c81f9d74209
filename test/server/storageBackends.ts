/**
 * The storage backends the storage suite runs against (describe.each): SQLite always; Postgres
 * when an embedded Postgres can start here (postgresForTests.ts). Each `place()` is a fresh,
 * empty database that can be opened more than once, as a restarted server would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores, openStoresAt, type Stores } from '../../server/storage/stores.ts';
import { startTestPostgres } from './postgresForTests.ts';

export interface StoragePlace {
  /** Opens (and migrates) the stores on this database; close them with `stores.sql.close()`. */
  open(): Promise<Stores>;
  /** The migration version the database records. */
  version(stores: Stores): Promise<number>;
}

export interface StorageBackend {
  readonly name: string;
  /** A fresh, empty database. */
  place(): Promise<StoragePlace>;
  /** Removes what the backend left behind. */
  cleanUp(): Promise<void>;
}

/** SQLite files in a temporary folder, one per place. */
export function sqliteBackend(): StorageBackend {
  const dir = mkdtempSync(join(tmpdir(), 'tango-db-'));
  let n = 0;
  return {
    name: 'SQLite',
    place: async () => {
      const file = join(dir, `place-${++n}`, 'tango.sqlite');
      return {
        open: async () => openStores(file),
        version: async (stores) => (await stores.sql.get<{ user_version: number }>('PRAGMA user_version'))!.user_version,
      };
    },
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Databases on one embedded Postgres server, one per place. */
export async function postgresBackend(): Promise<StorageBackend> {
  const server = await startTestPostgres();
  return {
    name: 'Postgres',
    place: async () => {
      const databaseUrl = await server.newDatabase();
      return {
        open: () => openStoresAt({ databaseUrl, databaseFile: ':memory:' }),
        version: async (stores) => (await stores.sql.get<{ version: number }>('SELECT version FROM schema_version'))!.version,
      };
    },
    cleanUp: () => server.stop(),
  };
}

export interface Backends {
  readonly available: StorageBackend[];
  /** Why a backend is not in `available` (skipped outside CI; under CI=true it fails instead). */
  readonly skipped: string[];
}

/** The backends to run the storage suite against: SQLite, and Postgres if it can start here. */
export async function storageBackends(): Promise<Backends> {
  try {
    return { available: [sqliteBackend(), await postgresBackend()], skipped: [] };
  } catch (e) {
    if (process.env['CI'] === 'true') throw e;
    return { available: [sqliteBackend()], skipped: [`Postgres: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
