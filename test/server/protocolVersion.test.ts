/**
 * A page left open across a deploy keeps its old code, and the old code misreads the new state
 * (a hint's cards became one string in version 2). The web client says its protocol version in a
 * header of every matchmaking call; the server refuses any other with `outdatedClient` and does
 * nothing else: no room, no seat, nothing taken from a seat another client holds.
 */
import { Client } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { bootGame, create, hearing, refusal, TEST_URL, until, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

/** An SDK client whose matchmaking calls say `version` (as the web client's do). */
const saying = (version: string): Client => new Client(TEST_URL, { headers: { [PROTOCOL_HEADER]: version } });

const PRIVATE = { nickname: 'Ada', mode: 'private', playlist: ['handshake'] } as const;

async function openRooms(): Promise<number> {
  return (await matchMaker.query({})).length;
}

describe('the protocol version of a matchmaking call', () => {
  it('lets a client that says the current version play, and one that says nothing', async () => {
    const current = await saying(String(PROTOCOL_VERSION)).create('pair', PRIVATE);
    const friend = await hearing(await saying(String(PROTOCOL_VERSION)).joinById(current.roomId, { nickname: 'Bo', mode: 'private' }));
    expect((await until(friend, (s) => s.phase === 'playing')).players.size).toBe(2);
    // A tool or a third-party client following PROTOCOL.md says nothing.
    const silent = await new Client(TEST_URL).create('pair', PRIVATE);
    expect(silent.roomId).not.toBe(current.roomId);
  });

  it('refuses an older (or newer) client with outdatedClient over HTTP 409, and opens nothing', async () => {
    for (const version of [String(PROTOCOL_VERSION - 1), String(PROTOCOL_VERSION + 1)]) {
      expect(await refusal(saying(version).create('pair', PRIVATE))).toBe('outdatedClient');
      expect(await refusal(saying(version).joinOrCreate('pair', { nickname: 'Cy', mode: 'quick' }))).toBe('outdatedClient');
      expect(await refusal(saying(version).create('challenge', { nickname: 'Di', playerId: 'p'.repeat(16) }))).toBe('outdatedClient');
      expect(await refusal(saying(version).create('classroom', { teacher: true }))).toBe('outdatedClient');
    }
    expect(await openRooms()).toBe(0);
    const raw = await fetch(`${TEST_URL}/matchmake/create/pair`, {
      method: 'POST', headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: '1' }, body: JSON.stringify(PRIVATE),
    });
    expect(raw.status).toBe(409);
    expect(await raw.json()).toMatchObject({ error: 'outdatedClient' });
  });

  it('keeps an old page out of a room and a seat someone holds, and the room plays on', async () => {
    const ada = await create(colyseus, PRIVATE);
    expect(await refusal(saying('1').joinById(ada.roomId, { nickname: 'Bo', mode: 'private' }))).toBe('outdatedClient');
    // Ada's own token, from an old page (a copy of her tab from before the deploy): still hers.
    expect(await refusal(saying('1').reconnect(ada.reconnectionToken))).toBe('outdatedClient');
    const bo = await hearing(await colyseus.sdk.joinById(ada.roomId, { nickname: 'Bo', mode: 'private' }));
    expect((await until(bo, (s) => s.phase === 'playing')).players.size).toBe(2);
    expect(ada.connection.isOpen).toBe(true);
  });

  it('answers whatever a stranger puts in the header with the same refusal, and the server goes on', async () => {
    for (const junk of ['', ' 2', '2.0', '02', 'two', 'x'.repeat(4000), '2, 2', '\u00e9']) {
      const res = await fetch(`${TEST_URL}/matchmake/create/pair`, {
        method: 'POST', headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: junk }, body: JSON.stringify(PRIVATE),
      }).catch((e: unknown) => e as Error);
      // fetch itself refuses a header value it cannot send (a non-Latin-1 one); the rest reach the server.
      if (res instanceof Error) continue;
      expect.soft(res.status, JSON.stringify(junk)).toBe(junk.trim() === String(PROTOCOL_VERSION) ? 200 : 409);
    }
    expect((await saying(String(PROTOCOL_VERSION)).create('pair', PRIVATE)).roomId).toHaveLength(5);
  });

  it('is a header a page on another origin may send (the CORS preflight allows it)', async () => {
    const preflight = await fetch(`${TEST_URL}/matchmake/create/pair`, {
      method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-headers': `content-type,${PROTOCOL_HEADER}` },
    });
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(PROTOCOL_HEADER);
  });
});
