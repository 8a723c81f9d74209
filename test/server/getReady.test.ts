import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.ts';
import { openStores } from '../../server/storage/stores.ts';
import { errorCodeOf, TEACHER_MSG } from '../../shared/protocol.ts';
import { bootGame, create, followHints, me, play, until, type TestServer, movesOf } from './gameServer.ts';
import { challengeConfig, createChallenge, newPlayerId, play as playChallenge, until as untilChallenge } from './challengeClient.ts';
import { classConfig, command, twoSeated } from './classroomHarness.ts';

const GET_READY_MS = 700;
const CLASS_GET_READY_MS = 1200;
// FAST timing: a 10 s deadline for every move.
const DEADLINE_MS = 10_000;

function config(): Config {
  const base = classConfig({ seatWaitMs: 3000, getReadyMs: CLASS_GET_READY_MS });
  return {
    ...base,
    pair: { ...base.pair, getReadyMs: GET_READY_MS },
    challenge: { ...challengeConfig().challenge, getReadyMs: GET_READY_MS, durationMs: 3000 },
  };
}

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(config(), openStores(':memory:')); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

describe('the get-ready step before a round\'s clock starts', () => {
  it('refuses a card in a pair room until the clock starts, whose deadline starts only then', async () => {
    const room = await create(colyseus, { nickname: 'Ada', mode: 'solo', playlist: ['handshake'] });
    const s = await until(room, (v) => v.phase === 'playing' && v.roundClockStartsAt > 0);
    expect(s.roundClockStartsAt - s.roundStartedAt).toBe(GET_READY_MS);
    const first = s.endpoints.get('client')!;
    // Outside a class the deadline is a plain field (ownDeadlines.ts): a player receives both, whichever role they play.
    expect(first.deadlineAt).toBe(s.roundClockStartsAt + DEADLINE_MS);
    // The hint waits for a hesitation after the clock start, not after the round's creation.
    expect(first.hintAt).toBeGreaterThan(s.roundClockStartsAt);

    const early = await play(room, { card: me(room).role === 'client' ? 'SYN' : 'SYN+ACK' }).catch(errorCodeOf);
    expect(early).toBe('roundNotStarted');
    expect(room.state.moves.length).toBe(0);

    await until(room, (v) => v.serverTime >= v.roundClockStartsAt);
    await followHints(room);
    const end = await until(room, (v) => v.phase !== 'playing');
    expect(movesOf(end).every((m) => m.verdict === 'correct')).toBe(true);
  });

  it('gives a class\'s pairs a longer get-ready step, and their first deadline only after it', async () => {
    const { a: client } = await twoSeated(colyseus);
    // A class player's own deadline is in their view only (ownDeadlines.ts): it comes with the first patch after joining.
    const s = await until(client, (v) => v.endpoints.get('client')?.ownDeadlineAt !== undefined);
    expect(s.roundClockStartsAt - s.roundStartedAt).toBe(CLASS_GET_READY_MS);
    expect(s.endpoints.get('client')!.ownDeadlineAt).toBe(s.roundClockStartsAt + DEADLINE_MS);
    expect(s.endpoints.get('client')!.deadlineAt).toBe(-1);
    expect(await play(client, { card: 'SYN' }).catch(errorCodeOf)).toBe('roundNotStarted');
    await until(client, (v) => v.serverTime >= v.roundClockStartsAt);
    expect((await play(client, { card: 'SYN' })).move.verdict).toBe('correct');
  });

  it('puts the class clock in the class state once the round\'s pairs are seated, and takes it away when the round ends', async () => {
    const { teacher, a: client } = await twoSeated(colyseus);
    const pair = client.state;
    const seen = await until(teacher.room, (v) => v.clockStartsAt > 0 && v.clockEndsAt > 0);
    // On the class room's own clock, the get-ready and the round as long as the pair's.
    expect(seen.clockEndsAt - seen.clockStartsAt).toBe(pair.roundEndsAt - pair.roundClockStartsAt);
    expect(seen.clockStartsAt - seen.serverTime).toBeGreaterThan(0);
    expect(seen.clockStartsAt - seen.serverTime).toBeLessThanOrEqual(CLASS_GET_READY_MS);
    await command(teacher.room, TEACHER_MSG.endRound);
    const after = await until(teacher.room, (v) => v.phase === 'review');
    expect([after.clockStartsAt, after.clockEndsAt]).toEqual([-1, -1]);
  });

  it('starts a timed challenge\'s clock after the get-ready step before its first round', async () => {
    const room = await createChallenge(colyseus, { nickname: 'Ada', playerId: newPlayerId(), kind: 'free', seats: 'solo', difficulty: 'flags', speed: 'fast' });
    const s = await untilChallenge(room, (v) => v.phase === 'playing' && v.roundClockStartsAt > 0);
    expect(s.startedAt).toBe(s.roundClockStartsAt);
    expect(s.roundClockStartsAt - s.roundStartedAt).toBe(GET_READY_MS);
    expect(s.endsAt - s.startedAt).toBe(3000);
    expect(await playChallenge(room, { card: 'SYN' }).catch(errorCodeOf)).toBe('roundNotStarted');
  });
});
