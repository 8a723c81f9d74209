/**
 * A room that has begun to close takes nobody in (server/rooms/common/closing.ts). A seat
 * reserved before the room began to close could be taken while it closed: the room, and a
 * server shutting down, then waited for ever for that player to leave (found as a test server's
 * clean-up hanging after a failed class test, with students still joining their pairs).
 */
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../shared/protocol.ts';
import { bootGame, create, freshClient, type TestServer } from './gameServer.ts';
import { classConfig, createClass } from './classroomHarness.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(classConfig()); });
afterAll(async () => { await colyseus.shutdown(); });

/** Resolves to 'closed' once `closing` resolves, or to 'still open' after `ms`. */
function within(closing: Promise<unknown>, ms: number): Promise<string> {
  return Promise.race([closing.then(() => 'closed'), new Promise<string>((r) => { setTimeout(() => r('still open'), ms); })]);
}

describe('a room that has begun to close', () => {
  it.each([
    ['pair', async () => (await create(colyseus, { nickname: 'Ada', mode: 'private', playlist: ['handshake'] })).roomId],
    ['classroom', async () => (await createClass(colyseus)).code],
  ])('refuses a %s seat reserved before, and finishes closing', async (kind, open) => {
    const roomId = await open();
    const options = kind === 'pair' ? { nickname: 'Bo', mode: 'private' } : { nickname: 'Bo' };
    const reservation = await matchMaker.joinById(roomId, options);
    const closing = matchMaker.getLocalRoomById(roomId)!.disconnect();

    const refused = await freshClient().consumeSeatReservation(reservation).then(() => 'joined', errorCodeOf);
    expect(refused).toBe('seatExpired');
    expect(await within(closing, 5000)).toBe('closed');
  });
});
