import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from '../../server/storage/stores.ts';
import { SCORING } from '../../shared/match/scoring.ts';
import { bootGame, create, joinByCode, me, play, testConfig, until, type TestServer, movesOf } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(testConfig(), openStores(':memory:')); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

async function pair(difficulty: 'flags' | 'expert') {
  const a = await create(colyseus, { nickname: 'Ada', mode: 'private', playlist: ['handshake'], difficulty, lossRate: 0 });
  const b = await joinByCode(colyseus, a.roomId, { nickname: 'Bo', mode: 'private' });
  await until(a, (s) => s.phase === 'playing');
  await until(b, (s) => s.phase === 'playing');
  return me(a).role === 'client' ? { client: a, server: b } : { client: b, server: a };
}

describe('the ★ hint in a pair room', () => {
  it('tells the client from when the hint shows: after a hesitation, at once after a mistake', async () => {
    const { client } = await pair('flags');
    const start = client.state.roundClockStartsAt;
    expect(me(client).endpoint.hintAt).toBe(start + 4000);
    expect(me(client).hints).toEqual(['SYN']);

    const wrong = await play(client, { card: 'FIN' });
    expect(wrong.move).toMatchObject({ verdict: 'wrongCard', hinted: false });
    const shown = await until(client, (s) => s.endpoints.get('client')!.hintAt <= wrong.move.at);
    expect(shown.endpoints.get('client')!.hintAt).toBe(wrong.move.at);

    const right = await play(client, { card: 'SYN' });
    expect(right.move).toMatchObject({ verdict: 'correct', hinted: true, points: SCORING.hintedBase });
    const synced = await until(client, (s) => s.moves.length === 2);
    expect(movesOf(synced).map((m) => m.hinted)).toEqual([false, true]);
  });

  it('never shows a hint in Expert', async () => {
    const { client } = await pair('expert');
    expect(me(client).endpoint.hintAt).toBe(-1);
    expect(me(client).endpoint.hintCards).toBe('');
  });
});
