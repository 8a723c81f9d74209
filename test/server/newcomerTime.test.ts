/**
 * The first state a page receives, on joining or coming back, carries the room's time now. A
 * browser lines its clock up with `serverTime` (client/net/serverClock.ts), and a room stamps it
 * only on a patch that changes something or every CLOCK_SYNC_MS: without a stamp of its own the
 * first state said 0 in a room no patch had left yet (the countdown read "1796422180 s"), a few
 * seconds ago in a quiet pair room, and, in a class, the moment the class clock was last set, so
 * a teacher's reloaded projector counted the round down from when it began.
 */
import type { Room } from '@colyseus/sdk';
import { CloseCode } from '@colyseus/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.ts';
import { TEACHER_MSG } from '../../shared/protocol.ts';
import { classConfig, command, createClass, joinClass, takeSeat, type ClassRoom } from './classroomHarness.ts';
import { bootGame, freshClient, hearing, pairUp, until, type PairRoom, type TestServer } from './gameServer.ts';

/** Longer than the room's patch interval and than the gap the checks allow. */
const QUIET_MS = 1500;
/** How far a first state's time may be behind the test's clock: a tick of the room clock, and the way here. */
const ALLOWED_MS = 300;

function config(): Config {
  const base = classConfig();
  // A patch a second: the first state of a new room comes well before the room's first patch.
  return { ...base, pair: { ...base.pair, tickMs: 1000 } };
}

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(config()); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `serverTime` of the first state a joined room decodes, and the test's clock then. */
function firstStateTime(room: Pick<Room, 'onStateChange'>): Promise<{ serverTime: number; at: number }> {
  return new Promise((resolve) => {
    (room.onStateChange as unknown as { once(cb: (s: { serverTime: number }) => void): void })
      .once((s) => resolve({ serverTime: s.serverTime, at: Date.now() }));
  });
}

function expectNow(first: { serverTime: number; at: number }): void {
  expect(first.serverTime, 'the first state has no time').toBeGreaterThan(0);
  expect(first.at - first.serverTime).toBeLessThan(ALLOWED_MS);
  expect(first.serverTime - first.at).toBeLessThan(50);
}

describe('the first state of a page that joins or comes back', () => {
  it('has the time in a room no patch has left yet', async () => {
    const created = await colyseus.sdk.create('pair', { nickname: 'Ada', mode: 'private', playlist: ['handshake'] }) as unknown as PairRoom;
    const first = firstStateTime(created);
    await hearing(created);
    expectNow(await first);
  });

  it('has the time now in a pair room where nothing has changed for a while', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    await until(a, (s) => s.serverTime >= s.roundClockStartsAt);
    // Nobody plays: no patch carries a new time until CLOCK_SYNC_MS.
    await sleep(QUIET_MS);
    const token = a.reconnectionToken;
    a.reconnection.enabled = false;
    a.connection.close(CloseCode.MAY_TRY_RECONNECT);
    await until(b, (s) => s.players.get(a.sessionId)!.connected === false);
    const back = await freshClient().reconnect(token) as unknown as PairRoom;
    const first = firstStateTime(back);
    await hearing(back);
    expectNow(await first);
  });

  it('has the time now on a teacher\'s screen opened while a round is being played', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const students = [await joinClass(teacher.code, 'Amy'), await joinClass(teacher.code, 'Bo')];
    await until(teacher.room, (s) => s.students.size === 2);
    await command(teacher.room, TEACHER_MSG.startRound);
    await Promise.all(students.map(takeSeat));
    // The class clock is set once the pairs are seated, and not again while they play.
    await until(teacher.room, (s) => s.clockEndsAt > 0);
    await sleep(QUIET_MS);
    const screen = await freshClient().joinById(teacher.code, { teacher: true, secret: teacher.secret }) as ClassRoom;
    const first = firstStateTime(screen);
    await hearing(screen);
    expectNow(await first);
  });
});
