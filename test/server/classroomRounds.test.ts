import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@colyseus/sdk';
import { openStores } from '../../server/storage/stores.ts';
import { errorCodeOf, ROOM, SERVER_MSG, TEACHER_MSG, type NoticePayload } from '../../shared/protocol.ts';
import { bootGame, create, followHints, freshClient, me, play, type PairRoom, until, type TestServer, segmentsOf } from './gameServer.ts';
import { classConfig, command, createClass, Inbox, joinClass, playRound, takeSeat, twoSeated, type Student } from './classroomHarness.ts';

let colyseus: TestServer;
const stores = openStores(':memory:');
// A student has 0.8 s to take their seat here.
// The wait is also each seat's reservation (PairRoom.joinClass): on a loaded 2-core machine a
// student took over a second to take theirs, and 800 ms expired it.
beforeAll(async () => { colyseus = await bootGame(classConfig({ seatWaitMs: 4000 }), stores); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });



describe('a class\'s pair room', () => {
  it('carries the class\'s round and number of rounds, not its own single round', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'], rounds: 3 });
    const amy = await joinClass(teacher.code, 'Amy');
    const bo = await joinClass(teacher.code, 'Bo');
    await until(teacher.room, (s) => s.students.size === 2);
    await command(teacher.room, TEACHER_MSG.startRound);
    const { pair } = (await Promise.all([takeSeat(amy), takeSeat(bo)]))[0];
    const state = await until(pair, (s) => s.phase === 'playing');
    expect([state.round, state.rounds]).toEqual([1, 1]);
    expect([state.classRound, state.classRounds]).toEqual([1, 3]);
  });
});

describe('the standings', () => {
  it('move live on the teacher\'s screens only; a student\'s stand still until every pair has finished', async () => {
    const { teacher, amy, bo, a, b } = await twoSeated(colyseus);
    const student = amy.room;
    const playing = await until(student, (s) => s.phase === 'playing' && s.leaderboard.length === 2);
    const before = playing.leaderboard.map((r) => r.toJSON());
    let studentPatches = 0;
    student.onStateChange(() => void studentPatches++);

    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
    const live = await until(teacher.room, (s) => s.liveLeaderboard.some((r) => r.points > 0));
    expect(live.liveLeaderboard).toHaveLength(2);
    // The same patch reached the student (empty for them): their list stood still, and the
    // live one never reached them.
    await until(student, () => studentPatches > 0);
    expect(student.state.liveLeaderboard ?? []).toHaveLength(0);
    expect(student.state.leaderboard.map((r) => r.toJSON())).toEqual(before);
    expect(bo.room.state.liveLeaderboard ?? []).toHaveLength(0);

    await Promise.all([followHints(a), followHints(b)]);
    const review = await until(student, (s) => s.phase === 'review');
    const final = (await until(teacher.room, (s) => s.phase === 'review')).liveLeaderboard.map((r) => r.toJSON());
    expect(review.leaderboard.map((r) => r.toJSON())).toEqual(final);
    expect(final.some((r) => r.points > 0)).toBe(true);
    expect(review.liveLeaderboard ?? []).toHaveLength(0);
  });

  it('reach a teacher\'s second screen (a reload) whole, live rows included', async () => {
    const { teacher, a } = await twoSeated(colyseus);
    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
    const first = await until(teacher.room, (s) => s.liveLeaderboard.some((r) => r.points > 0));
    const screen = await freshClient().joinById(teacher.code, { teacher: true, secret: teacher.secret }) as typeof teacher.room;
    await screen.waitForInitialState();
    const second = await until(screen, (s) => s.liveLeaderboard.length === 2);
    expect(second.liveLeaderboard.map((r) => r.toJSON())).toEqual(first.liveLeaderboard.map((r) => r.toJSON()));
    await screen.leave();
  });
});

describe('the teacher running a round', () => {
  it('pauses every pair\'s clock: nothing happens and cards are refused until the round resumes', async () => {
    const { teacher, a, b } = await twoSeated(colyseus);
    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
    const notices = new Inbox(b as never);

    await command(teacher.room, TEACHER_MSG.pause);
    const frozen = await until(a, (s) => s.paused);
    const at = { serverTime: frozen.serverTime, left: frozen.roundEndsAt - frozen.serverTime, segments: frozen.segments.length };
    expect((await until(teacher.room, (s) => s.paused)).paused).toBe(true);
    expect(await notices.take<NoticePayload>(SERVER_MSG.notice)).toEqual({ code: 'roundPaused' });
    await expect(play(b, { card: 'SYN+ACK' }).catch(errorCodeOf)).resolves.toBe('roundPaused');

    // Real time passes on purpose: the SYN would have arrived (60 ms) and the bot-free server
    // had a deadline running; with the clock stopped, none of it may happen. A solo room on the
    // same server, whose clock runs, says when half a second of the server's time has gone by
    // (before the pause the match clock was the room clock).
    const witness = await create(colyseus, { nickname: 'Clock', mode: 'solo', playlist: ['handshake'] });
    const passed = await until(witness, (s) => s.serverTime >= at.serverTime + 500);
    await witness.leave();
    expect(segmentsOf(b.state)[0]!.status).toBe('flying');
    expect(b.state.segments.length).toBe(at.segments);

    await command(teacher.room, TEACHER_MSG.resume);
    // The next time the server tells goes on from where the clock stopped, not from the room's
    // clock, which ran on for the 500 ms; the SYN arrives 60 ms of match time after it was sent.
    const resumed = await until(b, (s) => !s.paused && s.serverTime > at.serverTime);
    expect(passed.serverTime - at.serverTime).toBeGreaterThanOrEqual(500);
    expect(resumed.serverTime - at.serverTime).toBeLessThan(200);
    expect(Math.abs(resumed.roundEndsAt - resumed.serverTime - at.left)).toBeLessThan(200);
    const arrived = await until(b, (s) => segmentsOf(s)[0]!.status === 'delivered');
    const [segment] = segmentsOf(arrived);
    expect(segment!.arriveAt - segment!.sentAt).toBe(60);
    expect(await notices.take<NoticePayload>(SERVER_MSG.notice)).toEqual({ code: 'roundResumed' });

    await Promise.all([followHints(a), followHints(b)]);
    expect((await until(a, (s) => s.phase === 'finished')).roundStatus).toBe('won');
    await until(teacher.room, (s) => s.phase === 'review' && !s.paused);
  });

  it('ends every pair\'s round early, keeps what was scored, and the class reviews it', async () => {
    const { teacher, amy, bo, a, amyPair } = await twoSeated(colyseus);
    const opener = a === amyPair ? amy : bo;
    const notices = new Inbox(a as never);
    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
    await until(teacher.room, (s) => s.liveLeaderboard.some((r) => r.points > 0));

    await command(teacher.room, TEACHER_MSG.endRound);

    expect(await notices.take<NoticePayload>(SERVER_MSG.notice)).toEqual({ code: 'roundEndedEarly' });
    expect((await until(a, (s) => s.phase === 'finished')).roundStatus).toBe('timeUp');
    const review = await until(teacher.room, (s) => s.phase === 'review');
    const row = review.leaderboard.find((r) => r.studentId === opener.welcome.studentId)!;
    const stored = (await stores.results.forRoom(teacher.code)).find((r) => r.playerId === opener.welcome.studentId)!;
    expect([row.points, row.correct, row.rank]).toEqual([stored.points, 1, 1]);
    expect(stored.status).toBe('timeUp');
    await expect(command(teacher.room, TEACHER_MSG.pause).catch(errorCodeOf)).resolves.toBe('roundNotRunning');
  });

  it('gives a student whose partner never takes the seat a bot, and the absent student scores nothing', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const amy = await joinClass(teacher.code, 'Amy');
    const bo = await joinClass(teacher.code, 'Bo');
    await until(teacher.room, (s) => s.students.size === 2);
    await command(teacher.room, TEACHER_MSG.startRound);

    const { state } = await playRound(amy);

    expect(state.roundStatus).toBe('won');
    expect([...state.players.values()].find((p) => p.nickname === 'Bo')!.isBot).toBe(true);
    const review = await until(teacher.room, (s) => s.phase === 'review');
    expect(review.students.get(bo.welcome.studentId)!.botPlays).toBe(true);
    expect(review.students.get(amy.welcome.studentId)!.seated).toBe(true);
    const boRow = review.leaderboard.find((r) => r.studentId === bo.welcome.studentId)!;
    expect([boRow.points, boRow.correct, boRow.rank]).toEqual([0, 0, 2]);
    const stored = (await stores.results.forRoom(teacher.code)).find((r) => r.playerId === bo.welcome.studentId)!;
    expect([stored.isBot, stored.points, stored.moves.length]).toEqual([true, 0, 0]);
  });

  it('lets nobody but its two students into a class\'s pair room, nor make one', async () => {
    const { a } = await twoSeated(colyseus);
    const code = a.state.code;
    await expect(freshClient().joinById(code, { nickname: 'Eve', mode: 'private' }).catch(errorCodeOf)).resolves.toBe('roomNotFound');
    const forged = { nickname: 'Eve', mode: 'private', classroom: { classCode: 'AAAAA', seats: [] } } as unknown as { nickname: string; mode: 'private' };
    await expect(colyseus.sdk.create(ROOM.pair, forged).catch(errorCodeOf)).resolves.toBe('badOptions');
    expect(a.state.mode).toBe('class');
  });

  it('seats a student who reloads mid-round again in the same seat', async () => {
    const { teacher, amy, amyPair, boPair } = await twoSeated(colyseus);
    const role = me(amyPair).role;
    // The page goes away: both of Amy's connections drop without a goodbye.
    for (const room of [amy.room, amyPair] as const) {
      room.reconnection.enabled = false;
      room.connection.close(CloseCode.MAY_TRY_RECONNECT);
    }
    await until(teacher.room, (s) => !s.students.get(amy.welcome.studentId)!.connected);

    const back: Student = await joinClass(teacher.code, 'Amy', amy.welcome.token);
    expect(back.welcome.studentId).toBe(amy.welcome.studentId);
    const { seat, pair } = await takeSeat(back);
    expect(seat.role).toBe(role);
    expect(me(pair as PairRoom).role).toBe(role);
    await Promise.all([followHints(pair), followHints(boPair)]);
    expect((await until(pair, (s) => s.phase === 'finished')).roundStatus).toBe('won');
    const row = (await until(teacher.room, (s) => s.phase === 'review')).leaderboard.find((r) => r.studentId === amy.welcome.studentId)!;
    expect(row.points).toBeGreaterThan(0);
  });

  it('keeps a student who came back on a second connection shown connected, and seats her, when the old one closes', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const mei = await joinClass(teacher.code, 'Mei');
    // A second device (or a phone on a new network) joins with her token while the first socket is still open.
    const again = await joinClass(teacher.code, 'Mei', mei.welcome.token);
    expect(again.welcome.studentId).toBe(mei.welcome.studentId);
    // Then the old socket goes, without a goodbye, and its seat in the class is not taken back.
    mei.room.reconnection.enabled = false;
    mei.room.connection.close(CloseCode.MAY_TRY_RECONNECT);
    const shown = () => teacher.room.state.students.get(mei.welcome.studentId)?.connected;
    // Nothing to wait for: the bug was a change of state. So wait out the old connection's reconnection
    // window (reconnectSeconds: 2 here), after which it leaves for good, and look again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(shown()).toBe(true);
    await command(teacher.room, TEACHER_MSG.startRound);
    const { seat } = await takeSeat(again);
    expect(seat.reservation).toBeDefined();
  });
});
