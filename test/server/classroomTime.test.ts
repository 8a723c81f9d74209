import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classReportPath, errorCodeOf, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport, type WatchPairReply } from '../../shared/protocol.ts';
import { EXTRA_TIME_FACTOR } from '../../shared/match/timeAllowance.ts';
import { bootGame, followHints, freshClient, me, play, refusal, TEST_URL, until, type PairRoom, type TestServer, segmentsOf } from './gameServer.ts';
import { classConfig, command, createClass, joinClass, takeSeat, twoSeated, type Student } from './classroomHarness.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(classConfig()); });
afterAll(async () => { await colyseus.shutdown(); });

/** The test server's response deadline (gameServer.ts FAST timing). */
const DEADLINE_MS = 10_000;

/**
 * How long each role of a handshake pair has for its first move, by nickname: the client's
 * SYN from the round's clock, the server's SYN+ACK from the SYN's arrival; -1 when untimed.
 * Each deadline is read through its own player's connection (ownDeadlineAt): nobody else receives it.
 */
async function deadlines(pair: PairRoom, partner: PairRoom): Promise<Map<string, number>> {
  const nick = (role: string) => [...pair.state.players.values()].find((p) => p.role === role)!.nickname;
  const client = (await until(pair, (s) => s.phase === 'playing' && s.endpoints.get('client')!.skill !== '')).endpoints.get('client')!;
  const clientMs = client.ownDeadlineAt < 0 ? -1 : client.ownDeadlineAt - pair.state.roundClockStartsAt;
  expect(me(pair).role).toBe('client');
  await play(pair, { card: 'SYN' });
  const s = await until(partner, (v) => v.endpoints.get('server')!.skill !== '' && segmentsOf(v).some((g) => g.card === 'SYN'));
  const syn = segmentsOf(s).find((g) => g.card === 'SYN')!;
  const server = s.endpoints.get('server')!;
  return new Map([[nick('client'), clientMs], [nick('server'), server.ownDeadlineAt < 0 ? -1 : server.ownDeadlineAt - syn.arriveAt]]);
}

describe('nobody left out by the clock', () => {
  it('gives a chosen student extra time, another no deadline, the rest the usual, and shows the class nothing of it', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const names = ['Amy', 'Bo', 'Cy', 'Di'];
    const students = new Map<string, Student>();
    for (const name of names) students.set(name, await joinClass(teacher.code, name));
    await until(teacher.room, (s) => s.students.size === 4);
    const id = (name: string) => students.get(name)!.welcome.studentId;
    await command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: id('Amy'), allowance: 'extra' });
    await command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: id('Di'), allowance: 'untimed' });
    await command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: id('Cy'), allowance: 'extra' });
    await command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: id('Cy'), allowance: 'normal' });
    const seen = await until(teacher.room, (s) => s.timeAllowances.size === 2);
    expect(Object.fromEntries(seen.timeAllowances)).toEqual({ [id('Amy')]: 'extra', [id('Di')]: 'untimed' });

    await command(teacher.room, TEACHER_MSG.startRound);
    const seats = await Promise.all(names.map((n) => takeSeat(students.get(n)!)));
    // What every student's class room shows: no list, and Amy's row is like anyone's.
    for (const n of names) {
      const view = await until(students.get(n)!.room, (s) => s.phase === 'playing');
      // The list is not sent to a student at all.
      expect(view.timeAllowances?.size ?? 0).toBe(0);
      const keys = (name: string) => Object.keys(view.students.get(id(name))!.toJSON()).sort();
      for (const n2 of names) expect(keys(n2)).toEqual(keys('Bo'));
    }
    // Each pair seen through its client's connection, which plays the SYN.
    const pairs = seats.filter((s) => s.seat.role === 'client').map((s) => s.pair);
    const partnerOf = (pair: PairRoom) => seats.find((s) => s.seat.role === 'server' && s.seat.pairCode === pair.roomId)!.pair;
    const lengths = new Map<string, number>();
    for (const pair of pairs) for (const [n, ms] of await deadlines(pair, partnerOf(pair))) lengths.set(n, ms);
    expect(Object.fromEntries(lengths)).toEqual({ Amy: DEADLINE_MS * EXTRA_TIME_FACTOR, Bo: DEADLINE_MS, Cy: DEADLINE_MS, Di: -1 });
    // The pair rooms' players carry nothing about it either.
    for (const pair of pairs) for (const p of pair.state.players.values()) expect(Object.keys(p.toJSON()).sort()).toEqual(['connected', 'isBot', 'nickname', 'ready', 'role', 'sessionId', 'total']);
    await Promise.all(seats.map((s) => s.pair.leave()));
  });

  it('tells an untimed student in Expert when a move is theirs, though neither a deadline nor a hint says so', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'], difficulty: 'expert' });
    const amy = await joinClass(teacher.code, 'Amy');
    const bo = await joinClass(teacher.code, 'Bo');
    await until(teacher.room, (s) => s.students.size === 2);
    for (const { welcome } of [amy, bo]) await command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: welcome.studentId, allowance: 'untimed' });
    await command(teacher.room, TEACHER_MSG.startRound);
    const [a, b] = await Promise.all([takeSeat(amy), takeSeat(bo)]);
    const [client, server] = a.seat.role === 'client' ? [a.pair, b.pair] : [b.pair, a.pair];
    // The client opens: its move is due from the round's clock, the server waits.
    const first = await until(client, (s) => s.phase === 'playing' && s.endpoints.get('client')?.moveDue === true);
    expect(first.endpoints.get('server')!.moveDue).toBe(false);
    // Expert is Numbers without hints: the SYN carries its sequence number.
    await play(client, { card: 'SYN', seq: first.endpoints.get('client')!.iss });
    // The SYN arrived: the server's move (SYN+ACK) is due, the client waits for it.
    const v = await until(server, (s) => s.endpoints.get('server')?.moveDue === true);
    expect(segmentsOf(v).find((g) => g.card === 'SYN')!.arriveAt).toBeGreaterThanOrEqual(0);
    expect(v.endpoints.get('client')!.moveDue).toBe(false);
    // Nothing else would have told them: no deadline, no hint, no skill.
    for (const [seen, role] of [[first, 'client'], [v, 'server']] as const) {
      const ep = seen.endpoints.get(role)!;
      expect({ own: ep.ownDeadlineAt, deadline: ep.deadlineAt, hintAt: ep.hintAt, hint: ep.hintCards, skill: ep.skill }, role)
        .toEqual({ own: -1, deadline: -1, hintAt: -1, hint: '', skill: '' });
    }
    await Promise.all([a.pair.leave(), b.pair.leave()]);
  });

  it('sends each player only their own deadline: the partner and a watching teacher never receive the longer one', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const amy = await joinClass(teacher.code, 'Amy');
    const bo = await joinClass(teacher.code, 'Bo');
    await until(teacher.room, (s) => s.students.size === 2);
    await command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: amy.welcome.studentId, allowance: 'extra' });
    await command(teacher.room, TEACHER_MSG.startRound);
    const [a, b] = await Promise.all([takeSeat(amy), takeSeat(bo)]);
    const { reservation } = await command(teacher.room, TEACHER_MSG.watchPair, { pairCode: a.seat.pairCode }) as WatchPairReply;
    const watcher = await freshClient().consumeSeatReservation(reservation) as unknown as PairRoom;
    await watcher.waitForInitialState();
    const byRole = (role: string) => (a.seat.role === role ? a.pair : b.pair);
    const client = byRole('client');
    const server = byRole('server');
    // The client's deadline runs from the round's clock, the server's from the SYN's arrival.
    const c = await until(client, (s) => s.phase === 'playing' && me(client).endpoint.ownDeadlineAt >= 0);
    const lengths = new Map([['client', c.endpoints.get('client')!.ownDeadlineAt - c.roundClockStartsAt]]);
    await play(client, { card: 'SYN' });
    const v = await until(server, (s) => segmentsOf(s).some((g) => g.card === 'SYN' && g.arriveAt >= 0) && me(server).endpoint.ownDeadlineAt >= 0);
    lengths.set('server', v.endpoints.get('server')!.ownDeadlineAt - segmentsOf(v).find((g) => g.card === 'SYN')!.arriveAt);
    const amyRole = a.seat.role;
    const boRole = b.seat.role;
    expect(lengths.get(amyRole)).toBe(DEADLINE_MS * EXTRA_TIME_FACTOR);
    expect(lengths.get(boRole)).toBe(DEADLINE_MS);
    const mine = a.pair.state.endpoints;
    const theirs = b.pair.state.endpoints;
    // Nothing of the other's deadline is decoded: not Amy's longer one on Bo's side, nor Bo's on
    // Amy's. In a class's pair the plain deadlineAt is never set.
    expect(Object.keys(theirs.get(amyRole)!.toJSON())).not.toContain('ownDeadlineAt');
    expect(Object.keys(mine.get(boRole)!.toJSON())).not.toContain('ownDeadlineAt');
    for (const ep of [...mine.values(), ...theirs.values()]) expect(ep.deadlineAt).toBe(-1);
    const seen = await until(watcher, (s) => segmentsOf(s).some((g) => g.arriveAt >= 0) && s.endpoints.size === 2);
    for (const ep of seen.endpoints.values()) {
      expect(ep.state).not.toBe('');
      expect(Object.keys(ep.toJSON())).not.toContain('ownDeadlineAt');
      expect(ep.deadlineAt).toBe(-1);
    }
    await Promise.all([a.pair.leave(), b.pair.leave(), watcher.leave()]);
  });

  it('takes an allowance only from the teacher, only for a student of the class, only as one of its values, and not in a flood', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const amy = await joinClass(teacher.code, 'Amy');
    const studentId = amy.welcome.studentId;
    expect(await refusal(command(amy.room, TEACHER_MSG.timeAllowance, { studentId, allowance: 'untimed' }))).toBe('notTeacher');
    expect(await refusal(command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: 'nobody', allowance: 'extra' }))).toBe('unknownStudent');
    for (const bad of [{ studentId, allowance: 'forever' }, { studentId }, { studentId, allowance: 'extra', more: 1 }, { studentId: 'x'.repeat(65), allowance: 'extra' }, 'extra']) {
      expect(await refusal(command(teacher.room, TEACHER_MSG.timeAllowance, bad))).toBe('invalidPayload');
    }
    // A flood: the rate limit answers what it does not take, and the list never outgrows the roster.
    const answers = await Promise.allSettled(Array.from({ length: 60 }, (_, i) =>
      command(teacher.room, TEACHER_MSG.timeAllowance, { studentId: i % 2 ? studentId : `ghost${i}`, allowance: 'extra' })));
    const codes = answers.map((a) => (a.status === 'fulfilled' ? 'ok' : errorCodeOf(a.reason)));
    expect(codes).toContain('rateLimited');
    expect(codes.filter((c) => c !== 'ok' && c !== 'rateLimited' && c !== 'unknownStudent')).toEqual([]);
    const state = await until(teacher.room, (s) => s.timeAllowances.size === 1);
    expect([...state.timeAllowances.keys()]).toEqual([studentId]);
    expect(amy.room.state.timeAllowances?.size ?? 0).toBe(0);
  });

  it('ranks the leaderboard by accuracy when the teacher chooses: the careful student above the quick one', async () => {
    const { teacher, amy, a: client, b: server, amyPair } = await twoSeated(colyseus);
    // The client plays one wrong card and then makes up for it with points; the server plays every move right.
    await until(client, (s) => s.phase === 'playing' && me(client).endpoint.skill !== '');
    expect((await play(client, { card: 'FIN' })).move.verdict).toBe('wrongCard');
    await Promise.all([followHints(client), followHints(server)]);
    const review = await until(teacher.room, (s) => s.phase === 'review' && s.leaderboard.length === 2);
    const clientName = amyPair === client ? 'Amy' : 'Bo';
    const serverName = clientName === 'Amy' ? 'Bo' : 'Amy';
    const rowOf = (name: string) => review.leaderboard.find((r) => r.nickname === name)!;
    // By points (the default) the quick client leads despite its mistake.
    expect(rowOf(clientName).points).toBeGreaterThan(rowOf(serverName).points);
    expect(rowOf(clientName).accuracy).toBeLessThan(rowOf(serverName).accuracy);
    expect(review.leaderboard.map((r) => r.nickname)).toEqual([clientName, serverName]);

    await command(teacher.room, TEACHER_MSG.settings, { rankBy: 'accuracy' });
    const ranked = await until(teacher.room, (s) => s.settings.rankBy === 'accuracy' && s.leaderboard[0]?.nickname === serverName);
    expect(ranked.leaderboard.map((r) => [r.nickname, r.rank])).toEqual([[serverName, 1], [clientName, 2]]);
    // Every student's screen shows the same order, and so does the report.
    await until(amy.room, (s) => s.leaderboard[0]?.nickname === serverName);
    const report = await (await fetch(`${TEST_URL}${classReportPath(teacher.code)}`, { headers: { [TEACHER_SECRET_HEADER]: teacher.secret } })).json() as ClassReport;
    expect(report.students.map((s) => s.nickname)).toEqual([serverName, clientName]);
    await Promise.all([client.leave(), server.leave()]);
  });
});
