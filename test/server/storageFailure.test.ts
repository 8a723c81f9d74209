/**
 * A database that fails under a running room (Postgres restarting, a full disk): the room goes on
 * with what it holds in memory, the failure is logged, and nothing crashes. When the database
 * comes back, the next round is stored as usual.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from '../../server/storage/sql.ts';
import { openSqlite } from '../../server/storage/sqlite.ts';
import { storesOn } from '../../server/storage/stores.ts';
import { bootGame, followHints, pairUp, until, type TestServer } from './gameServer.ts';
import { challengeConfig, createChallenge, followHints as finishChallenge, newPlayerId, resultOf } from './challengeClient.ts';

/** The real SQLite database, except that every statement fails while `down` is set. */
function flakySql(real: Sql): { sql: Sql; setDown(down: boolean): void } {
  let down = false;
  const gate = <T>(work: () => Promise<T>) => (down ? Promise.reject(new Error('database unreachable')) : work());
  return {
    setDown: (d) => { down = d; },
    sql: {
      dialect: real.dialect,
      all: (s, p) => gate(() => real.all(s, p)),
      get: (s, p) => gate(() => real.get(s, p)),
      run: (s, p) => gate(() => real.run(s, p)),
      atomically: (s) => gate(() => real.atomically(s)),
      close: () => real.close(),
    },
  };
}

const database = flakySql(openSqlite(':memory:'));
const stores = storesOn(database.sql);
let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(challengeConfig(), stores); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => {
  database.setDown(false);
  await colyseus.cleanup();
});

describe('a database that fails under a room', () => {
  it('leaves a pair round playing to its end and the next round starting; once back, the next round is stored', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake', 'client-close']);
    database.setDown(true);
    await Promise.all([followHints(a), followHints(b)]);
    const between = await until(a, (s) => s.phase === 'between');
    expect(between.roundStatus).toBe('won');
    // Nothing was stored, so no replay link is offered.
    expect(between.recordId).toBe('');

    database.setDown(false);
    await Promise.all([a.request('ready'), b.request('ready')]);
    await until(a, (s) => s.round === 2 && s.phase === 'playing');
    await Promise.all([followHints(a), followHints(b)]);
    const end = await until(a, (s) => s.phase === 'finished' && s.recordId !== '');
    expect(end.players.get(a.sessionId)!.total).toBeGreaterThan(0);
    expect((await stores.results.forRoom(a.state.code)).map((r) => r.roundNo)).toEqual([2, 2]);
    expect(await stores.rounds.get(end.recordId)).toMatchObject({ roundNo: 2, roomCode: a.state.code });
  });

  it('still gives a finished challenge its result, marked unsaved', async () => {
    const room = await createChallenge(colyseus, { nickname: 'Ada', playerId: newPlayerId(), kind: 'daily' });
    const result = resultOf(room);
    database.setDown(true);
    await finishChallenge(room);
    expect(await result).toMatchObject({ standing: 'unsaved', rank: 0, boardSize: 0 });
    expect((await result).points).toBeGreaterThan(0);
  });
});
