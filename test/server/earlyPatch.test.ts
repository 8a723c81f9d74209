/**
 * A room's patch timer runs from its start, and with presence on Redis onCreate waits for its
 * code long enough for a patch to come first: that patch must do nothing rather than throw (a
 * throw in a timer ends the process, and every room in it).
 */
import { describe, expect, it } from 'vitest';
import { ChallengeRoom } from '../../server/rooms/challenge/ChallengeRoom.ts';
import { ClassroomRoom } from '../../server/rooms/classroom/ClassroomRoom.ts';
import { PairRoom } from '../../server/rooms/pair/PairRoom.ts';

describe('a patch before the room has been created', () => {
  it.each([['pair', PairRoom], ['challenge', ChallengeRoom], ['classroom', ClassroomRoom]] as const)('does nothing in a %s room', (_name, Room) => {
    const room = new Room();
    expect(() => room.onBeforePatch()).not.toThrow();
  });
});
