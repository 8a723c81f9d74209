import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CODE_ALPHABET, SERVER_MSG, type NoticePayload } from '../../shared/protocol.ts';
import { roomCodeSchema } from '../../shared/validation.ts';
import { BENCH_BARE_ROOM } from '../../server/rooms/bench/benchRooms.ts';
import { bootGame, create, freshClient, followHints, join, joinByCode, me, next, refusal, until, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

describe('matchmaking', () => {
  it('has no bench room unless the bench starts the server with it', async () => {
    await expect(freshClient().create(BENCH_BARE_ROOM, { patchBytes: 10 })).rejects.toThrow(/"benchBare" not defined/);
  });

  it('gives a quick-match player who waits alone a bot, who then plays the round with them', async () => {
    const a = await join(colyseus, { nickname: 'Ada', mode: 'quick', playlist: ['handshake'] });
    expect(a.state.phase).toBe('waiting');
    expect(await next<NoticePayload>(a, SERVER_MSG.notice)).toEqual({ code: 'botJoined' });
    const state = await until(a, (s) => s.phase === 'playing');
    const bot = [...state.players.values()].find((p) => p.isBot)!;
    expect(bot.role).toBe('server');
    await followHints(a);
    expect((await until(a, (s) => s.phase === 'finished')).roundStatus).toBe('won');
  });

  it('pairs two quick-match players with each other, not with a bot', async () => {
    const a = await join(colyseus, { nickname: 'Ada', mode: 'quick' });
    const b = await join(colyseus, { nickname: 'Bo', mode: 'quick' });
    expect(b.roomId).toBe(a.roomId);
    const state = await until(a, (s) => s.phase === 'playing');
    expect([...state.players.values()].map((p) => [p.nickname, p.isBot])).toEqual([['Ada', false], ['Bo', false]]);
  });

  it('pairs quick-match players only with someone who chose the same difficulty and speed', async () => {
    const expert = await join(colyseus, { nickname: 'Ada', mode: 'quick', difficulty: 'expert', speed: 'fast' });
    const flags = await join(colyseus, { nickname: 'Bo', mode: 'quick', difficulty: 'flags', speed: 'fast' });
    const slow = await join(colyseus, { nickname: 'Cy', mode: 'quick', difficulty: 'expert', speed: 'slow' });
    expect(new Set([expert.roomId, flags.roomId, slow.roomId]).size).toBe(3);
    const match = await join(colyseus, { nickname: 'Di', mode: 'quick', difficulty: 'expert', speed: 'fast' });
    expect(match.roomId).toBe(expert.roomId);
    expect((await until(match, (s) => s.phase === 'playing')).difficulty).toBe('expert');
  });

  it('opens a private room under a short readable code that a friend joins, however they type it', async () => {
    const a = await create(colyseus, { nickname: 'Ada', mode: 'private' });
    expect(a.state.code).toBe(a.roomId);
    expect(a.roomId).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}$`));
    // A quick-match stranger never lands in a private room.
    const stranger = await join(colyseus, { nickname: 'Cy', mode: 'quick' });
    expect(stranger.roomId).not.toBe(a.roomId);

    const typed = `${a.roomId.slice(0, 3).toLowerCase()} ${a.roomId.slice(3)}`;
    const b = await joinByCode(colyseus, roomCodeSchema.parse(typed), { nickname: 'Bo', mode: 'private' });
    expect(b.roomId).toBe(a.roomId);
    await until(b, (s) => s.phase === 'playing');
    expect(me(b).role).toBe('server');
  });

  it('answers a wrong room code with roomNotFound and a full room\'s with roomFull', async () => {
    expect(await refusal(colyseus.sdk.joinById('ZZZZ9', { nickname: 'Bo', mode: 'private' }))).toBe('roomNotFound');
    const a = await create(colyseus, { nickname: 'Ada', mode: 'private' });
    await joinByCode(colyseus, a.roomId, { nickname: 'Bo', mode: 'private' });
    expect(await refusal(colyseus.sdk.joinById(a.roomId, { nickname: 'Cy', mode: 'private' }))).toBe('roomFull');
  });

  it('refuses a bad nickname or bad settings with a code the client can show', async () => {
    expect(await refusal(colyseus.sdk.joinOrCreate('pair', { nickname: '', mode: 'quick' }))).toBe('badNickname');
    expect(await refusal(colyseus.sdk.joinOrCreate('pair', { nickname: 'x'.repeat(21), mode: 'quick' }))).toBe('badNickname');
    // A right-to-left override would show "Ann" reversed on the partner's screen; a filler shows nothing.
    expect(await refusal(colyseus.sdk.joinOrCreate('pair', { nickname: 'nnA\u202E', mode: 'quick' }))).toBe('badNickname');
    expect(await refusal(colyseus.sdk.joinOrCreate('pair', { nickname: '\u3164', mode: 'quick' }))).toBe('badNickname');
    const bad = { nickname: 'Ada', mode: 'quick', difficulty: 'godlike' } as unknown as { nickname: string; mode: 'quick' };
    expect(await refusal(colyseus.sdk.joinOrCreate('pair', bad))).toBe('badOptions');
    const sneaky = { nickname: 'Ada', mode: 'quick', server: { quickMatchBotMs: 0 } } as unknown as { nickname: string; mode: 'quick' };
    expect(await refusal(colyseus.sdk.joinOrCreate('pair', sneaky))).toBe('badOptions');
    const vague = { nickname: 'Ada', mode: 'quick', moveJudged: 'yes' } as unknown as { nickname: string; mode: 'quick' };
    expect(await refusal(colyseus.sdk.joinOrCreate('pair', vague))).toBe('badOptions');
    await expect(create(colyseus, { nickname: 'Ada', mode: 'private', moveJudged: true })).resolves.toBeDefined();
  });

  it('starts a solo game against a bot at once, and nobody else can join it', async () => {
    const a = await create(colyseus, { nickname: 'Ada', mode: 'solo', playlist: ['handshake'] });
    const state = await until(a, (s) => s.phase === 'playing');
    expect([...state.players.values()].filter((p) => p.isBot)).toHaveLength(1);
    expect(await refusal(colyseus.sdk.joinById(a.roomId, { nickname: 'Bo', mode: 'solo' }))).toBe('roomNotFound');
  });
});
