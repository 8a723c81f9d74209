/**
 * A Postgres that stops answering on an open connection (a network that drops packets, a frozen
 * host): a query fails after the query timeout instead of waiting for ever, so a room's later
 * writes are not stuck behind it and a server shutting down still exits. The stall is a real
 * one: the stores reach an embedded Postgres through a proxy that holds every byte
 * (stallingProxy.ts). Skipped where Postgres cannot start (under CI=true it fails instead).
 */
import { logger } from '@colyseus/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStoresAt, type Stores } from '../../server/storage/stores.ts';
import { CLIENT_MSG } from '../../shared/protocol.ts';
import { bootGame, followHints, pairUp, testConfig, until } from './gameServer.ts';
import { startTestPostgresOrReason, type TestPostgres } from './postgresForTests.ts';
import { startStallingProxy, type StallingProxy } from './stallingProxy.ts';

const QUERY_TIMEOUT_MS = 500;

const postgres = await startTestPostgresOrReason();
const proxies: StallingProxy[] = [];
afterAll(async () => {
  for (const p of proxies) await p.close();
  if (typeof postgres !== 'string') await postgres.stop();
});

/** Stores on a new database, reached through a proxy that can stall. */
async function storesBehindProxy(): Promise<{ stores: Stores; proxy: StallingProxy }> {
  const url = new URL(await (postgres as TestPostgres).newDatabase());
  const proxy = await startStallingProxy(Number(url.port));
  proxies.push(proxy);
  url.port = String(proxy.port);
  const stores = await openStoresAt({ databaseUrl: url.href, databaseFile: ':memory:' }, { queryTimeoutMs: QUERY_TIMEOUT_MS });
  return { stores, proxy };
}

describe.skipIf(typeof postgres === 'string')(`a Postgres that stalls${typeof postgres === 'string' ? ` (skipped: ${postgres})` : ''}`, () => {
  it('fails a query after the query timeout, answers the next once the network is back, and closes during a stall', async () => {
    const { stores, proxy } = await storesBehindProxy();
    proxy.stall();
    const started = Date.now();
    await expect(stores.sql.get('SELECT 1 AS one')).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(QUERY_TIMEOUT_MS * 6);
    proxy.resume();
    // The timed-out connection was closed, not lent again: the pool opens a fresh one.
    expect(await stores.sql.get('SELECT 1 AS one')).toEqual({ one: 1 });
    // A server shutting down closes its stores last: a stalled network must not hold it.
    proxy.stall();
    await expect(stores.sql.get('SELECT 1 AS one')).rejects.toThrow(/timeout/i);
    await stores.sql.close();
  });

  it('loses only the writes made during the stall: the next round, with the database back, is stored', async () => {
    const { stores, proxy } = await storesBehindProxy();
    const colyseus = await bootGame(testConfig(), stores);
    const notStored = vi.spyOn(logger, 'error');
    try {
      const { a, b } = await pairUp(colyseus, ['handshake', 'handshake']);
      const code = a.state.code;
      proxy.stall();
      await Promise.all([followHints(a), followHints(b)]);
      // The record's write times out; the results' write then waits for a new connection, which
      // cannot be made through the stall either (connectionTimeoutMillis, 10 s).
      await vi.waitFor(() => {
        const logged = notStored.mock.calls.map((c) => String(c[0]));
        for (const what of ['record', 'results']) expect(logged).toContainEqual(expect.stringContaining(`${what} of round 1 not stored`));
      }, { timeout: 20_000, interval: 100 });
      proxy.resume();

      await Promise.all([a.request(CLIENT_MSG.ready), b.request(CLIENT_MSG.ready)]);
      await until(a, (s) => s.round === 2 && s.phase === 'playing');
      await Promise.all([followHints(a), followHints(b)]);
      await vi.waitFor(async () => expect((await stores.results.forRoom(code)).map((r) => r.roundNo)).toEqual([2, 2]), { timeout: 10_000 });
    } finally {
      notStored.mockRestore();
      await colyseus.shutdown();
      await stores.sql.close();
    }
  });
});
