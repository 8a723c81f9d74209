import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@colyseus/sdk';
import { SERVER_MSG, type MoveJudgedPayload, type NoticePayload } from '../../shared/protocol.ts';
import { bootGame, followHints, freshClient, me, next, pairUp, play, rejoin, until, type PairRoom, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); }); // seats are kept for 2 s here
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

/** The network goes away under the player, as when a laptop closes or a page reloads. */
function dropConnection(room: PairRoom): void {
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
    await expect(freshClient().reconnect(a.reconnectionToken)).rejects.toThrow();
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
