/**
 * The same stores on Postgres (`DATABASE_URL`), for several processes sharing one database.
 * Driven with `pg` (node-postgres) and the stores' own SQL rather than a query builder: the
 * SQL is already written once for both databases, and a builder would add a layer without
 * removing a line of it (README, "Dependencies").
 */
import pg from 'pg';
import { COLUMN_TYPES, MIGRATIONS } from './migrations.ts';
import type { Sql, SqlValue } from './sql.ts';

/** Postgres's type id of a 64-bit integer (int8): BIGINT columns, COUNT(*), RANK(). */
const INT8_OID = 20;

/**
 * Times are milliseconds and counts are small, but Postgres hands every BIGINT to JavaScript as
 * a string (it may not fit a double). Ours always fit; one that did not would be a bug to stop
 * at, not to round silently.
 */
function int8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`an integer from the database is past 2^53: ${text}`);
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? int8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Any lock number of our own: processes that start together take turns migrating. */
const MIGRATION_LOCK = 0x7467_6f;

/**
 * The longest a query may wait for its answer. On an open connection to a server that stalls (a
 * network that drops packets, a host frozen) a query would otherwise wait for ever: a room's
 * writes go one after another, so all its later writes with it, and a shutting-down server,
 * which waits for the last writes, would never exit.
 */
const QUERY_TIMEOUT_MS = 30_000;

export interface PostgresOptions {
  /** Connections kept open at most (node-postgres's pool `max`). */
  readonly maxConnections?: number;
  /** Where a lost idle connection is reported; by default the console. */
  readonly onError?: (error: Error) => void;
  /** The longest a query waits for its answer before it fails (tests make it short). */
  readonly queryTimeoutMs?: number;
}

/** Connects to the database at `url` (postgres://…) and brings its schema up to date. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Sql> {
  // A host that drops packets would otherwise hold a query (and start-up) forever.
  const pool = new pg.Pool({
    connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000,
    query_timeout: options.queryTimeoutMs ?? QUERY_TIMEOUT_MS, types,
  });
  // A connection dropped while idle (Postgres restarted) must not stop the process; the pool
  // opens another on the next query.
  pool.on('error', options.onError ?? ((e) => console.error('postgres connection lost:', e)));
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const running = new Set<Promise<unknown>>();
  /** Keeps track of what is under way, so `close` can wait for it. */
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.catch(() => undefined).finally(() => running.delete(work));
    return work;
  };
  const query = (sql: string, params: readonly SqlValue[] = []) => pool.query(sql, [...params]);
  return {
    dialect: 'postgres',
    all: async <R>(sql: string, params?: readonly SqlValue[]) => (await tracked(query(sql, params))).rows as R[],
    get: async <R>(sql: string, params?: readonly SqlValue[]) => (await tracked(query(sql, params))).rows[0] as R | undefined,
    run: async (sql, params) => (await tracked(query(sql, params))).rowCount ?? 0,
    atomically: (statements) => tracked(inTransaction(pool, async (client) => {
      const changed: number[] = [];
      for (const s of statements) changed.push((await client.query(s.sql, [...(s.params ?? [])])).rowCount ?? 0);
      return changed;
    })),
    close: async () => {
      await Promise.allSettled([...running]);
      await pool.end();
    },
  };
}

/** Runs `work` on one connection in one transaction: all of it is written, or none. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that could not roll back (it timed out, it was lost) is in no known state: the
  // pool closes it rather than lend it again.
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch((r: unknown) => { broken = r instanceof Error ? r : new Error(String(r)); });
    throw e;
  } finally {
    client.release(broken);
  }
}

/**
 * Applies the migrations the database has not seen, all in one transaction (Postgres's schema
 * changes are transactional). Several processes starting at once take turns: the first applies
 * them, the others find them applied.
 */
async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0];
    const current = row?.version ?? 0;
    const pending = MIGRATIONS.filter((m) => m.version > current);
    for (const m of pending) await client.query(m.sql(COLUMN_TYPES.postgres));
    if (pending.length === 0) return;
    const latest = pending.at(-1)!.version;
    await client.query(row ? 'UPDATE schema_version SET version = $1' : 'INSERT INTO schema_version (version) VALUES ($1)', [latest]);
  });
}
