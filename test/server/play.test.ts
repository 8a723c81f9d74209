import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Callbacks } from '@colyseus/sdk';
import { explainMove } from '../../shared/i18n/moveText.ts';
import type { TcpState } from '../../shared/tcp/states.ts';
import { SERVER_MSG, type MoveJudgedPayload } from '../../shared/protocol.ts';
import { openStores } from '../../server/storage/stores.ts';
import { toRoomView } from '../../client/net/roomView.ts';
import { STATE_LOG_RECORD } from '../../shared/stateRecords.ts';
import {
  bootGame, create, joinByCode, testConfig, followHints, hearMoves, me, movesOf, next, pairUp, play, segmentsOf, until, type PairRoom, type TestServer,
} from './gameServer.ts';

let colyseus: TestServer;
const stores = openStores(':memory:');
beforeAll(async () => { colyseus = await bootGame(testConfig(), stores); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

/** Every state change each role goes through, in the order this client was told of them. */
function recordStates(room: PairRoom): Record<string, TcpState[]> {
  const seen: Record<string, TcpState[]> = { client: [], server: [] };
  Callbacks.get(room).onAdd('stateLog', (record) => {
    const entry = STATE_LOG_RECORD.decode(record);
    seen[entry.role]!.push(entry.state);
  });
  return seen;
}

describe('a pair room', () => {
  it('sends a move\'s text values, and the client reads the reply and the synchronised move the same way', async () => {
    const a = await create(colyseus, { nickname: 'Ada', mode: 'private', difficulty: 'numbers', playlist: ['handshake'] });
    const b = await joinByCode(colyseus, a.roomId, { nickname: 'Bo', mode: 'private' });
    await until(a, (s) => s.phase === 'playing');
    const iss = a.state.endpoints.get('client')!.iss;
    const reply = await play(a, { card: 'SYN', seq: iss + 7 });
    expect(reply.move.verdict).toBe('wrongNumbers');
    expect((await play(a, { card: 'SYN', seq: iss })).move.verdict).toBe('correct');
    const seen = await until(b, (s) => s.moves.length === 2);
    const [wrong, right] = toRoomView(seen).moves;
    expect([wrong!.why, wrong!.params]).toEqual(['mistake.seqIsIss', { expected: iss, given: iss + 7 }]);
    // The reply and the synchronised state carry a move in one shape: the same fields, the same words.
    expect(wrong).toEqual(reply.move);
    expect(explainMove(wrong!, 'en')).toBe(explainMove(reply.move, 'en'));
    expect(explainMove(reply.move, 'en')).toContain(`seq = ${iss}`);
    expect(right!.params).toEqual({});
  });

  it('lets two players open and close a connection, and both see every state change in order', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake', 'client-close']);
    const seenByA = recordStates(a);
    const seenByB = recordStates(b);
    expect(me(a).role).toBe('client');
    expect(me(b).role).toBe('server');

    await Promise.all([followHints(a), followHints(b)]);
    await until(a, (s) => s.phase === 'between');
    expect(a.state.roundStatus).toBe('won');
    await Promise.all([a.request('ready'), b.request('ready')]);
    await until(a, (s) => s.round === 2 && s.phase === 'playing');
    await until(b, (s) => s.round === 2 && s.phase === 'playing');
    // Roles swap every round: Ada is the server now and Bo closes the connection.
    expect(me(a).role).toBe('server');
    expect(me(b).role).toBe('client');

    await Promise.all([followHints(a), followHints(b)]);
    await until(a, (s) => s.phase === 'finished');
    await until(b, (s) => s.phase === 'finished');
    expect(a.state.roundStatus).toBe('won');

    const expected = {
      client: ['CLOSED', 'SYN-SENT', 'ESTABLISHED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED'],
      server: ['LISTEN', 'SYN-RECEIVED', 'ESTABLISHED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED'],
    };
    expect(seenByA).toEqual(expected);
    expect(seenByB).toEqual(expected);
    const ada = a.state.players.get(a.sessionId)!;
    expect(ada.total).toBeGreaterThan(0);
    expect(b.state.players.get(a.sessionId)!.total).toBe(ada.total);

    // Both rounds are stored for both players, and the stored points add up to the total shown.
    const stored = await stores.results.forRoom(a.state.code);
    const bo = a.state.players.get(b.sessionId)!;
    expect(stored.map((r) => [r.roundNo, r.nickname, r.role])).toEqual([
      [1, ada.nickname, 'client'], [1, bo.nickname, 'server'], [2, ada.nickname, 'server'], [2, bo.nickname, 'client'],
    ]);
    expect(stored.filter((r) => r.playerId === a.sessionId).reduce((n, r) => n + r.points, 0)).toBe(ada.total);
    expect(stored[0]?.moves.every((m) => m.role === 'client')).toBe(true);
  });

  it('re-ACKs the retransmitted FIN in TIME-WAIT when the last ACK is lost, and ends with both CLOSED', async () => {
    const { a, b } = await pairUp(colyseus, ['lost-last-ack']);
    await Promise.all([followHints(a), followHints(b)]);
    const end = await until(a, (s) => s.phase === 'finished');

    expect(end.roundStatus).toBe('won');
    expect(end.endpoints.get('client')!.state).toBe('CLOSED');
    expect(end.endpoints.get('server')!.state).toBe('CLOSED');
    const fins = segmentsOf(end).filter((s) => s.from === 'server' && s.flags.includes('FIN'));
    expect(fins).toHaveLength(2);
    expect(segmentsOf(end).some((s) => s.from === 'client' && s.card === 'ACK' && s.status === 'lost')).toBe(true);
    const skills = movesOf(end).filter((m) => m.verdict === 'correct').map((m) => `${m.role}:${m.skill}`);
    expect(skills).toContain('server:retransmit');
    expect(skills).toContain('client:reAck');
    // The re-ACK happened in TIME-WAIT, after the retransmission timer fired.
    expect(movesOf(end).find((m) => m.skill === 'reAck')!.state).toBe('TIME-WAIT');
  });

  it('judges a wrong card as a mistake with its explanation, tells both players, and changes nothing', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake'], { moveJudged: true });
    const before = { client: a.state.endpoints.get('client')!.state, segments: a.state.segments.length };
    const partnerHears = next<MoveJudgedPayload>(b, SERVER_MSG.moveJudged);

    const reply = await play(a, { card: 'FIN' });

    expect(reply.move.verdict).toBe('wrongCard');
    // FIN in CLOSED: the machine refuses it, and the reason is about that card there.
    expect(reply.move).toMatchObject({ why: 'wrong.finBeforeEstablished', state: 'CLOSED' });
    expect((await partnerHears).move).toEqual(reply.move);
    await until(a, (s) => s.moves.length === 1);
    expect(movesOf(a.state)[0]!.verdict).toBe('wrongCard');
    expect(a.state.endpoints.get('client')!.state).toBe(before.client);
    expect(a.state.segments.length).toBe(before.segments);
    expect(a.state.endpoints.get('client')!.mistakes).toBe(1);
  });

  it('sends moveJudged only to players who joined asking for it, and not for their own cards', async () => {
    const a = await create(colyseus, { nickname: 'Ada', mode: 'private', playlist: ['handshake'], moveJudged: true });
    const b = await joinByCode(colyseus, a.roomId, { nickname: 'Bo', mode: 'private' });
    await until(b, (s) => s.phase === 'playing');
    const heardBy = { a: hearMoves(a), b: hearMoves(b) };

    // The message would come before the patch that carries the move, so the patch is proof enough.
    const adas = await play(a, { card: 'FIN' });
    await until(b, (s) => s.moves.length === 1);
    await until(a, (s) => s.moves.length === 1);
    expect(heardBy).toEqual({ a: [], b: [] });

    const bos = await play(b, { card: 'FIN' });
    await until(b, (s) => s.moves.length === 2);
    await until(a, (s) => s.moves.length === 2);
    expect(heardBy.a).toEqual([bos.move]);
    expect(heardBy.b).toEqual([]);
    expect(adas.move.verdict).toBe('wrongCard');
  });
});

