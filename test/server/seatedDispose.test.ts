/**
 * How a seated room (server/rooms/seated/SeatedRoom.ts) is disposed: the server closes the
 * database only after every room is disposed, so a room's disposal waits for the writes it
 * queued; and a room whose onCreate never finished (it threw, or is still waiting for its code)
 * has nothing to give back and disposes quietly. No server is started: the rooms are made bare.
 */
import { setImmediate } from 'node:timers/promises';
import { logger } from '@colyseus/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChallengeRoom } from '../../server/rooms/challenge/ChallengeRoom.ts';
import { PairRoom } from '../../server/rooms/pair/PairRoom.ts';

/** The rooms with a way in to their write queue, as their own code uses it. */
class QueueingPairRoom extends PairRoom {
  queue(write: () => Promise<unknown>): void {
    this.writes.add('a test write', write);
  }
}
class QueueingChallengeRoom extends ChallengeRoom {
  queue(write: () => Promise<unknown>): void {
    this.writes.add('a test write', write);
  }
}

const ROOMS = [['pair', QueueingPairRoom], ['challenge', QueueingChallengeRoom]] as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('disposing a seated room', () => {
  it.each(ROOMS)('waits for the writes the %s room queued before it is done', async (_name, Room) => {
    const room = new Room();
    let land!: () => void;
    room.queue(() => new Promise<void>((resolve) => { land = resolve; }));
    let disposed = false;
    const disposing = room.onDispose().then(() => { disposed = true; });
    await setImmediate();
    expect(disposed).toBe(false);
    land();
    await disposing;
    expect(disposed).toBe(true);
  });

  it.each(ROOMS)('is quiet in a %s room whose onCreate never finished: no error, nothing logged', async (_name, Room) => {
    // onDispose is wrapped by Colyseus: a throw would be caught and logged by onUncaughtException.
    const logged = vi.spyOn(logger, 'error');
    const room = new Room();
    await expect(room.onDispose()).resolves.toBeUndefined();
    expect(logged).not.toHaveBeenCalled();
  });
});
