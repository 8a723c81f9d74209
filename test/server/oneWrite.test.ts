import type { Client } from '@colyseus/core';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { socketOf } from '../../server/rooms/seated/oneWrite.ts';
import { bootGame, pairUp, play, type PairRoom, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

/** Counts the system-level writes (`_write` or `_writev` calls) on the server's socket to `room`'s player. */
function countWrites(room: PairRoom): { readonly count: number } {
  const serverClient = colyseus.getRoomById(room.roomId).clients.getById(room.sessionId) as Client;
  const socket = socketOf(serverClient) as Duplex & { _write: Function; _writev?: Function };
  expect(socket).toBeDefined();
  const counter = { count: 0 };
  for (const name of ['_write', '_writev'] as const) {
    const original = socket[name]!;
    socket[name] = function (this: unknown, ...args: unknown[]) {
      counter.count++;
      return original.apply(this, args);
    };
  }
  return counter;
}

describe('a card played', () => {
  it('reaches its player as one write, the patch showing it and the verdict together', async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    const toA = countWrites(a);
    await play(a, { card: 'SYN' });
    expect(a.state.segments.length).toBe(1);
    expect(toA.count).toBe(1);
  });
});
