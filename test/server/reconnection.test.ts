import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@colyseus/sdk';
import { errorCodeOf, SERVER_MSG, type MoveJudgedPayload, type NoticePayload } from '../../shared/protocol.ts';
import { createChallenge, joinChallenge, newPlayerId, until as untilChallenge } from './challengeClient.ts';
import {
  bootGame, create, followHints, freshClient, me, next, pairUp, play, rejoin, until, type PairRoom, type TestServer,
} from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); }); // seats are kept for 2 s here
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

/** The network goes away under the player, as when a laptop closes or a page reloads. */
function dropConnection(room: Pick<PairRoom, 'reconnection' | 'connection'>): void {
  room.reconnection.enabled = false;
  room.connection.close(CloseCode.MAY_TRY_RECONNECT);
}

describe('a player who loses the connection', () => {
  it('comes back within the window to the same seat, role and score, and the partner is told', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
    const before = await until(a, (s) => s.players.get(a.sessionId)!.total > 0);
    const total = before.players.get(a.sessionId)!.total;
    const token = a.reconnectionToken; // what the page keeps in sessionStorage

    const partnerTold = next<NoticePayload>(b, SERVER_MSG.notice);
    dropConnection(a);
    expect(await partnerTold).toEqual({ code: 'partnerLeft', nickname: 'Ada' });
    await until(b, (s) => s.players.get(a.sessionId)!.connected === false);

    const partnerToldAgain = next<NoticePayload>(b, SERVER_MSG.notice);
    const back = await rejoin(token);
    expect(back.sessionId).toBe(a.sessionId);
    expect(await partnerToldAgain).toEqual({ code: 'partnerBack', nickname: 'Ada' });
    const after = await until(back, (s) => s.players.get(back.sessionId)!.connected);
    expect(me(back).role).toBe('client');
    expect(after.players.get(back.sessionId)!.total).toBe(total);
    expect(after.players.get(back.sessionId)!.isBot).toBe(false);

    await Promise.all([followHints(back), followHints(b)]);
    expect((await until(b, (s) => s.phase === 'finished')).roundStatus).toBe('won');
  });

  it('is replaced by a bot after the window, and the partner is told and can finish', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    const id = a.sessionId;
    dropConnection(a);
    expect(await next<NoticePayload>(b, SERVER_MSG.notice)).toEqual({ code: 'partnerLeft', nickname: 'Ada' });
    expect(await next<NoticePayload>(b, SERVER_MSG.notice, undefined, 10_000)).toEqual({ code: 'botTookOver', nickname: 'Ada' });
    const state = await until(b, (s) => s.players.get(id)!.isBot);
    expect(state.players.get(id)!.role).toBe('client');

    await followHints(b);
    expect((await until(b, (s) => s.phase === 'finished')).roundStatus).toBe('won');
    expect(await freshClient().reconnect(a.reconnectionToken).catch(errorCodeOf)).toBe('seatExpired');
  });

  it('still gets every judged move after coming back, if it joined asking for them', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake'], { moveJudged: true });
    const token = b.reconnectionToken;
    dropConnection(b);
    await until(a, (s) => s.players.get(b.sessionId)!.connected === false);

    const back = await rejoin(token);
    await until(a, (s) => s.players.get(back.sessionId)!.connected);
    const heard = next<MoveJudgedPayload>(back, SERVER_MSG.moveJudged);
    const reply = await play(a, { card: 'FIN' });
    expect((await heard).move).toEqual(reply.move);
  });
});

/** The refusal a join by code gets, as the client shows it. */
function refusal(joining: Promise<unknown>): Promise<string> {
  return joining.then(() => 'joined', errorCodeOf);
}

describe('a seat that cannot be taken', () => {
  it('tells a newcomer by code that a seat is held for a dropped player, then that the room is full once a bot has it', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    const code = a.roomId;
    const stranger = { nickname: 'Cy', mode: 'private' } as const;
    expect(await refusal(freshClient().joinById(code, stranger))).toBe('roomFull');

    dropConnection(a);
    await until(b, (s) => s.players.get(a.sessionId)!.connected === false);
    expect(await refusal(freshClient().joinById(code, stranger))).toBe('seatHeld');

    // The window (2 s here) passes: a bot plays the seat, and nobody may take it from the bot.
    await until(b, (s) => s.players.get(a.sessionId)!.isBot, 10_000);
    expect(await refusal(freshClient().joinById(code, stranger))).toBe('roomFull');
    expect(await freshClient().reconnect(a.reconnectionToken).catch(errorCodeOf)).toBe('seatExpired');
    expect(b.state.players.size).toBe(2);
  });

  it('tells the dropped player\'s seat is held again after they come back and leave a second time', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    dropConnection(a);
    await until(b, (s) => s.players.get(a.sessionId)!.connected === false);
    const back = await rejoin(a.reconnectionToken);
    await until(b, (s) => s.players.get(back.sessionId)!.connected);
    expect(await refusal(freshClient().joinById(a.roomId, { nickname: 'Cy', mode: 'private' }))).toBe('roomFull');
    dropConnection(back);
    await until(b, (s) => s.players.get(back.sessionId)!.connected === false);
    expect(await refusal(freshClient().joinById(a.roomId, { nickname: 'Cy', mode: 'private' }))).toBe('seatHeld');
  });

  it('still answers a code that names no room, or a solo room, with roomNotFound', async () => {
    expect(await refusal(freshClient().joinById('ZZZZ9', { nickname: 'Cy', mode: 'private' }))).toBe('roomNotFound');
    const solo = await create(colyseus, { nickname: 'Ada', mode: 'solo', playlist: ['handshake'] });
    dropConnection(solo);
    expect(await refusal(freshClient().joinById(solo.roomId, { nickname: 'Cy', mode: 'private' }))).toBe('roomNotFound');
  });

  it('tells a newcomer to a pair challenge that a seat is held for the partner who dropped', async () => {
    const options = { nickname: 'Ada', playerId: newPlayerId(), kind: 'free', seats: 'pair' } as const;
    const a = await createChallenge(colyseus, options);
    const b = await joinChallenge(colyseus, a.roomId, { ...options, nickname: 'Bo', playerId: newPlayerId() });
    await untilChallenge(b, (s) => s.phase === 'playing');
    const stranger = { nickname: 'Cy', playerId: newPlayerId() };
    expect(await refusal(freshClient().joinById(a.roomId, stranger))).toBe('roomFull');
    dropConnection(a);
    await untilChallenge(b, (s) => s.players.get(a.sessionId)!.connected === false);
    expect(await refusal(freshClient().joinById(a.roomId, stranger))).toBe('seatHeld');
  });
});
