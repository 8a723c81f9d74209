import type { Room } from '@colyseus/sdk';
import { describe, expect, it } from 'vitest';
import { leaveRoom } from '../../client/net/leaveRoom.ts';

/** Just what leaveRoom touches of an SDK room: its connection, its reconnection and its leave. */
function fakeRoom(open: boolean) {
  const reconnected: (() => void)[] = [];
  const room = {
    left: 0,
    connection: { isOpen: open },
    reconnection: { maxRetries: 12 },
    leave: async () => { room.left++; return 1000; },
    onReconnect: (callback: () => void) => { reconnected.push(callback); },
    reconnect: () => { for (const callback of reconnected) callback(); },
  };
  return room;
}

describe('leaving a room', () => {
  it('tells the server when the connection is up', async () => {
    const room = fakeRoom(true);
    await leaveRoom(room as unknown as Room);
    expect(room.left).toBe(1);
  });

  it('writes nothing to a connection that is down, retries no more, and leaves if the retry under way comes back', async () => {
    const room = fakeRoom(false);
    await leaveRoom(room as unknown as Room);
    expect([room.left, room.reconnection.maxRetries]).toEqual([0, 0]);
    room.reconnect();
    expect(room.left).toBe(1);
  });
});
