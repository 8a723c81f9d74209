import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { challengeDay } from '../../shared/challenge/plan.ts';
import { peerOf } from '../../shared/match/cards.ts';
import { CLIENT_MSG, errorCodeOf, SERVER_MSG, type ErrorPayload } from '../../shared/protocol.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { openStores } from '../../server/storage/stores.ts';
import { bootGame, hearMoves, refusal, type TestServer, movesOf } from './gameServer.ts';
import {
  challengeConfig, createChallenge, followHints, joinChallenge, me, newPlayerId, play, resultOf, until, type ChallengeRoom,
} from './challengeClient.ts';

let colyseus: TestServer;
const stores = openStores(':memory:');
beforeAll(async () => { colyseus = await bootGame(challengeConfig(), stores); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

const today = () => challengeDay(Date.now());

function raw(room: ChallengeRoom) {
  return {
    send: (room.send as (t: string, p?: unknown) => void).bind(room),
    request: (room.request as (t: string, p?: unknown) => Promise<unknown>).bind(room),
  };
}

/** Plays the hinted card if the player opens the round, until the bot has made a move of its own. */
async function untilTheBotMoves(room: ChallengeRoom): Promise<void> {
  const mine = me(room).role;
  const botMoved = (s: ChallengeRoom['state']) => movesOf(s).some((m) => m.role !== mine);
  const state = await until(room, (s) => botMoved(s) || me(room).hints.length > 0);
  if (!botMoved(state)) await play(room, { card: me(room).hints[0]! });
  await until(room, botMoved);
}

/** Each round's scenario and the two ISNs, as a player sees them at the round's start. */
function recordRounds(room: ChallengeRoom): string[] {
  const seen: string[] = [];
  room.onStateChange((s) => {
    const c = s.endpoints.get('client');
    const srv = s.endpoints.get('server');
    const line = `${s.round}:${s.scenarioId}:${c?.iss}:${srv?.iss}`;
    if (s.round > 0 && !seen.some((l) => l.startsWith(`${s.round}:`))) seen.push(line);
  });
  return seen;
}

describe('a timed challenge room', () => {
  it('plays a solo daily challenge to the end for a player who follows hints, stores it and sends the result with a rank', async () => {
    const playerId = newPlayerId();
    const room = await createChallenge(colyseus, { nickname: 'Ada', playerId, kind: 'daily' });
    const result = resultOf(room);
    expect(room.state.phase).toBe('playing');
    expect(room.state.humanRoles.toArray()).toEqual([me(room).role]);
    expect(room.state.players.size).toBe(2);

    await followHints(room);
    const end = await until(room, (s) => s.finished);
    const r = await result;

    expect(end.phase).toBe('finished');
    expect(r.points).toBe(end.points);
    expect(r.points).toBeGreaterThan(0);
    expect(r.accuracy).toBe(100);
    expect(r.mistakes).toEqual([]);
    expect(r.bestStreak).toBe(r.correct);
    expect(r.roundsWon).toBeGreaterThanOrEqual(1);
    expect(r).toMatchObject({ kind: 'daily', day: today(), standing: 'ranked', board: 'daily', rank: 1, boardSize: 1 });
    expect(translate('en', r.share.key, r.share.params)).toBe(`TCP Tango daily ${today()}: ${r.points} pts, 100 %`);

    const board = await stores.challenges.top({ board: 'daily', day: today(), seats: 'solo' });
    expect(board).toEqual([expect.objectContaining({ rank: 1, nickname: 'Ada', points: r.points, accuracy: 100 })]);
    expect(await refusal(play(room, { card: 'SYN' }))).toBe('challengeOver');

    // Every round played is kept whole, as a pair's rounds are: its replay and capture file.
    expect(r.rounds).toHaveLength(r.roundsPlayed);
    const kept = await Promise.all(r.rounds.map(async (k) => (await stores.rounds.get(k.recordId))!));
    expect(kept.map((k) => [k.mode, k.roundNo, k.record.scenarioId])).toEqual(r.rounds.map((k, i) => ['challenge', i + 1, k.scenarioId]));
    expect(kept.filter((k) => k.record.status === 'won')).toHaveLength(r.roundsWon);
    for (const k of kept) expect(Object.values(k.record.nicknames).sort()).toEqual(['', 'Ada']);
    expect(kept.reduce((n, k) => n + k.record.moves.filter((m) => k.record.nicknames[m.role] === 'Ada').length, 0)).toBe(r.judged);
  });

  it('gives two players on the same day the same scenarios and ISNs, and a free challenge others', async () => {
    const a = await createChallenge(colyseus, { nickname: 'Ada', playerId: newPlayerId(), kind: 'daily' });
    const seenByA = recordRounds(a);
    const b = await createChallenge(colyseus, { nickname: 'Bo', playerId: newPlayerId(), kind: 'daily' });
    const seenByB = recordRounds(b);
    const free = await createChallenge(colyseus, { nickname: 'Cy', playerId: newPlayerId(), kind: 'free' });
    const seenByFree = recordRounds(free);
    await Promise.all([followHints(a), followHints(b), followHints(free)]);

    const common = Math.min(seenByA.length, seenByB.length);
    expect(common).toBeGreaterThanOrEqual(2);
    expect(seenByA.slice(0, common)).toEqual(seenByB.slice(0, common));
    expect(a.state.day).toBe(today());
    // The same order of scenarios, but other ISNs: a fresh seed.
    expect(seenByFree[0]?.split(':')[1]).toBe(seenByA[0]?.split(':')[1]);
    expect(seenByFree[0]).not.toBe(seenByA[0]);
  });

  it('refuses forged scores: no message sets points, and nothing changes', async () => {
    const room = await createChallenge(colyseus, { nickname: 'Mallory', playerId: newPlayerId(), kind: 'free' });
    await until(room, () => me(room).hints.length > 0);
    const card = me(room).hints[0]!;
    expect((await play(room, { card: card as 'SYN' })).move.verdict).toBe('correct');
    await until(room, (s) => s.points > 0);
    const points = room.state.points;

    expect(await refusal(raw(room).request('score', { points: 99_999 }))).toBe('unknownMessage');
    expect(await refusal(raw(room).request('submitScore', { points: 99_999 }))).toBe('unknownMessage');
    expect(await refusal(raw(room).request(CLIENT_MSG.play, { card: 'ACK', points: 99_999 }))).toBe('invalidPayload');
    const told = new Promise<ErrorPayload>((resolve) => {
      (room.onMessage as (t: string, cb: (m: ErrorPayload) => void) => void)(SERVER_MSG.error, resolve);
    });
    raw(room).send('score', { points: 99_999 });
    expect(await told).toEqual({ code: 'unknownMessage' });

    await room.waitForNextPatch();
    expect(room.state.points).toBe(points);
    expect(movesOf(room.state).filter((m) => m.role === me(room).role)).toHaveLength(1);
    expect(room.connection.isOpen).toBe(true);
  });

  it('counts only the first finished daily challenge of a day; a second is practice and is not stored', async () => {
    const playerId = newPlayerId();
    const first = await createChallenge(colyseus, { nickname: 'Ada', playerId, kind: 'daily' });
    const firstResult = resultOf(first);
    await followHints(first);
    expect((await firstResult).standing).toBe('ranked');
    await first.leave();

    const second = await createChallenge(colyseus, { nickname: 'Ada again', playerId, kind: 'daily' });
    const secondResult = resultOf(second);
    await followHints(second);
    const r = await secondResult;
    expect(r.standing).toBe('practice');
    expect(r.rank).toBeGreaterThanOrEqual(1);

    const line = await stores.challenges.lineOf({ board: 'daily', day: today(), seats: 'solo' }, playerId);
    expect(line).toMatchObject({ nickname: 'Ada', points: (await firstResult).points });
    const rows = (await stores.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM challenge_entries WHERE player_id = $1', [playerId]))!;
    expect(rows.n).toBe(1);
  });

  it('lets two people take a challenge together with a code, each playing one end, and gives both the result', async () => {
    const a = await createChallenge(colyseus, { nickname: 'Ada', playerId: newPlayerId(), kind: 'free', seats: 'pair' });
    expect(a.state.phase).toBe('waiting');
    const b = await joinChallenge(colyseus, a.state.code, { nickname: 'Bo', playerId: newPlayerId() });
    await until(a, (s) => s.phase === 'playing');
    await until(b, (s) => s.phase === 'playing');
    expect(a.state.humanRoles.toArray().sort()).toEqual(['client', 'server']);
    expect(me(a).role).not.toBe(me(b).role);
    const results = [resultOf(a), resultOf(b)];
    // The server's player plays a wrong card first: the result says whose mistake it was.
    const server = me(a).role === 'server' ? a : b;
    expect((await play(server, { card: 'FIN' })).move.verdict).toBe('wrongCard');

    await Promise.all([followHints(a), followHints(b)]);
    const [ra, rb] = await Promise.all(results);
    const [rs, rc] = server === a ? [ra!, rb!] : [rb!, ra!];
    expect(rs.mistakes[0]).toMatchObject({ role: 'server', card: 'FIN', state: 'LISTEN', why: 'wrong.finBeforeEstablished', mine: true });
    expect(rc.mistakes[0]).toMatchObject({ role: 'server', card: 'FIN', mine: false });
    expect(ra!.points).toBe(rb!.points);
    expect(ra!.points).toBeGreaterThan(0);
    expect(ra).toMatchObject({ seats: 'pair', standing: 'ranked', board: 'all' });
    expect(await stores.challenges.size({ board: 'all', seats: 'pair' })).toBe(2);
  });

  it('plays on beside a bot when a partner leaves, and then does not count the run', async () => {
    const playerId = newPlayerId();
    const a = await createChallenge(colyseus, { nickname: 'Ada', playerId, kind: 'free', seats: 'pair' });
    // The same browser cannot take both seats.
    await expect(joinChallenge(colyseus, a.state.code, { nickname: 'Ada2', playerId }).catch(errorCodeOf)).resolves.toBe('badPlayerId');
    const b = await joinChallenge(colyseus, a.state.code, { nickname: 'Bo', playerId: newPlayerId() });
    await until(a, (s) => s.phase === 'playing');
    const told = new Promise<unknown>((resolve) => {
      (a.onMessage as (t: string, cb: (m: unknown) => void) => void)(SERVER_MSG.notice, resolve);
    });
    const result = resultOf(a);
    await b.leave();
    expect(await told).toEqual({ code: 'botTookOver', nickname: 'Bo' });
    await until(a, (s) => s.players.get(b.sessionId)?.isBot === true);

    await followHints(a);
    expect(await result).toMatchObject({ standing: 'assisted', seats: 'pair' });
    expect(await stores.challenges.lineOf({ board: 'all', seats: 'pair' }, playerId)).toBeNull();
  });

  it('refuses a join with a malformed player id or nickname, naming the field', async () => {
    await expect(createChallenge(colyseus, { nickname: 'Ada', playerId: 'short' }).catch(errorCodeOf)).resolves.toBe('badPlayerId');
    await expect(createChallenge(colyseus, { nickname: '', playerId: newPlayerId() }).catch(errorCodeOf)).resolves.toBe('badNickname');
    const bad = { nickname: 'Ada', playerId: newPlayerId(), kind: 'weekly' } as unknown as { nickname: string; playerId: string };
    await expect(createChallenge(colyseus, bad).catch(errorCodeOf)).resolves.toBe('badOptions');
    const vague = { nickname: 'Ada', playerId: newPlayerId(), moveJudged: 'yes' } as unknown as { nickname: string; playerId: string };
    await expect(createChallenge(colyseus, vague).catch(errorCodeOf)).resolves.toBe('badOptions');
  });

  it('sends the bot\'s judged moves as moveJudged only to a player who joined asking for them', async () => {
    const asked = await createChallenge(colyseus, { nickname: 'Ada', playerId: newPlayerId(), kind: 'free', moveJudged: true });
    const quiet = await createChallenge(colyseus, { nickname: 'Bo', playerId: newPlayerId(), kind: 'free' });
    const heard = { asked: hearMoves(asked), quiet: hearMoves(quiet) };
    const botRole = { asked: peerOf(me(asked).role), quiet: peerOf(me(quiet).role) };

    // The message would come before the patch that carries the bot's move, so the patch is proof enough.
    await Promise.all([untilTheBotMoves(asked), untilTheBotMoves(quiet)]);
    expect(heard.asked.length).toBeGreaterThan(0);
    expect(heard.asked.every((m) => m.role === botRole.asked)).toBe(true);
    expect(heard.quiet).toEqual([]);
  });
});
