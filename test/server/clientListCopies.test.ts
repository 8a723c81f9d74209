/**
 * Copies of a room's client list are plain arrays (server/rooms/common/clientListCopies.ts):
 * Colyseus filters the list at every idle patch tick of a pair room, and a `ClientArray` copy
 * built a session index each time. The list itself keeps its index.
 */
import { ClientArray, type Client } from '@colyseus/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootGame, pairUp, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

describe('a room\'s client list', () => {
  it('copies to a plain array, and the list itself still finds a client by session id', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    const clients = colyseus.getRoomById(a.roomId).clients as ClientArray<Client>;
    expect(clients).toBeInstanceOf(ClientArray);

    const copy = clients.filter(() => true);
    expect(Object.getPrototypeOf(copy)).toBe(Array.prototype);
    expect(copy.map((c) => c.sessionId).sort()).toEqual([a.sessionId, b.sessionId].sort());
    expect(clients.get(a.sessionId)?.sessionId).toBe(a.sessionId);
    expect(clients.get(b.sessionId)?.sessionId).toBe(b.sessionId);
  });
});
