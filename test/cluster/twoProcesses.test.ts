/**
 * Two real game processes sharing one Redis (and one store): whichever process a player asks,
 * they reach the same rooms. Each test asks one process and plays in rooms the cluster may have
 * put on the other; the last kills one process with -9 and the other plays on.
 */
import { randomUUID } from 'node:crypto';
import { CloseCode } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, classReportPath, LEADERBOARD, ROOM, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport,
  type LeaderboardReply, type StudentWelcomePayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { followHints, hearing, until, type PairRoom } from '../server/gameServer.ts';
import { command, Inbox, type ClassRoom } from '../server/classroomHarness.ts';
import { followHints as followChallengeHints, resultOf, type ChallengeRoom } from '../server/challengeClient.ts';
import { takeSeatVia } from './clusterRooms.ts';
import { holder, reserve, sharedEnv, startGameProcess, type GameProcess } from './clusterProcesses.ts';
import { startRedis, type RedisServer } from './redisServer.ts';
import { startTestPostgres, type TestPostgres } from '../server/postgresForTests.ts';
import { systemBinary } from '../systemBinary.ts';
import { killServers, stopServer } from '../server/serverProcess.ts';

const redisServer = systemBinary('redis-server', 'redis-server');

describe.skipIf(!redisServer.path)(`two game processes sharing Redis and Postgres${redisServer.skipNote}`, () => {
  let redis: RedisServer;
  let postgres: TestPostgres;
  let a: GameProcess;
  let b: GameProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await startRedis(redisServer.path!);
    postgres = await startTestPostgres();
    env = sharedEnv(redis.url, await postgres.newDatabase());
    // One after the other: the first creates the shared store's tables.
    a = await startGameProcess(env);
    b = await startGameProcess(env);
    // Postgres's first start (initdb) and two game processes: over a minute on a loaded 2-core machine.
  }, 180_000);

  afterAll(async () => {
    if (process.env.TANGO_CLUSTER_LOGS) for (const p of [a, b]) console.log(`:${p?.port}`, p?.child.exitCode, p?.child.output());
    killServers();
    await redis?.stop();
    await postgres?.stop();
  });

  it('joins by code, through one process, a private room created through the other; a dropped player comes back through the process not holding it; the pair plays', async () => {
    const seat = await reserve(a, 'create', ROOM.pair, { nickname: 'Ada', mode: 'private', speed: 'fast' });
    const elsewhere = holder([a, b], seat) === a ? b : a;
    const dropped = await hearing(await a.client().consumeSeatReservation(seat) as unknown as PairRoom);
    const bo = await b.client().joinById(dropped.roomId, { nickname: 'Bo', mode: 'private' }) as PairRoom;
    await hearing(bo);
    await until(dropped, (s) => s.phase === 'playing' && s.players.size === 2);

    // As a reloaded page does: the seat is asked back, by its token, of a process that does not hold the room.
    dropped.reconnection.enabled = false;
    dropped.connection.close(CloseCode.MAY_TRY_RECONNECT);
    await until(bo, (s) => s.players.get(dropped.sessionId)?.connected === false);
    const ada = await hearing(await elsewhere.client().reconnect(dropped.reconnectionToken) as PairRoom);
    expect(ada.sessionId).toBe(dropped.sessionId);
    await until(bo, (s) => s.players.get(ada.sessionId)?.connected === true);

    await Promise.all([followHints(ada), followHints(bo)]);
    const state = await until(bo, (s) => s.phase !== 'playing');
    expect([...state.players.values()].map((p) => p.nickname).sort()).toEqual(['Ada', 'Bo']);
    expect(state.moves.length).toBeGreaterThan(0);
    await Promise.all([ada.leave(), bo.leave()]);
  });

  it('pairs two quick-match players who asked different processes, with no bot', async () => {
    const options = { mode: 'quick', difficulty: 'flags', speed: 'fast' };
    const first = await a.client().joinOrCreate(ROOM.pair, { ...options, nickname: 'Ana' }) as PairRoom;
    await hearing(first);
    const second = await b.client().joinOrCreate(ROOM.pair, { ...options, nickname: 'Ben' }) as PairRoom;
    await hearing(second);
    expect(second.roomId).toBe(first.roomId);
    const state = await until(first, (s) => s.phase === 'playing');
    expect([...state.players.values()].map((p) => [p.nickname, p.isBot]).sort()).toEqual([['Ana', false], ['Ben', false]]);
    await Promise.all([first.leave(), second.leave()]);
  });

  it('seats every student of a class created on one process, arriving through the other, in a pair room where they play; either process serves the report, and a process starting later leaves the class open', async () => {
    const teacher = await a.client().create(ROOM.classroom, { teacher: true, settings: { playlist: ['handshake'], speed: 'fast' } }) as ClassRoom;
    const teacherInbox = new Inbox(teacher);
    const { code, secret } = await teacherInbox.take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome);
    const students = await Promise.all(['Mei', 'Bo', 'Kai', 'Lin'].map(async (nickname) => {
      const room = await b.client().joinById(code, { nickname }) as ClassRoom;
      const inbox = new Inbox(room);
      await inbox.take<StudentWelcomePayload>(CLASS_MSG.studentWelcome);
      return inbox;
    }));
    await until(teacher, (s) => s.students.size === 4);
    await command(teacher, TEACHER_MSG.startRound);
    const pairs = await Promise.all(students.map((inbox) => takeSeatVia(b, inbox)));
    await Promise.all(pairs.map((pair) => until(pair, (s) => s.phase === 'playing')));
    await Promise.all(pairs.map((pair) => followHints(pair)));
    await until(teacher, (s) => s.phase === 'review', 15_000);

    // The report comes from the store, whichever process is asked. A pair's result is written
    // through its room's write queue, so under load the last one can land just after the review
    // begins: each process is asked until it has them all (or the time is up).
    for (const process of [a, b]) {
      const played = async () => {
        const res = await fetch(`${process.http}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: secret } });
        const report = await res.json() as ClassReport;
        return report.students.map((s) => [s.nickname, s.roundsPlayed]).sort();
      };
      await expect.poll(played, { timeout: 15_000, interval: 250 }).toEqual([['Bo', 1], ['Kai', 1], ['Lin', 1], ['Mei', 1]]);
    }

    // A process starting now finds the class open in the store, and listed by the cluster: no orphan to end.
    const late = await startGameProcess(env);
    expect(late.child.output()).not.toContain(code);
    const report = await (await fetch(`${late.http}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: secret } })).json() as ClassReport;
    expect(report.endedAt).toBeNull();
    expect(await stopServer(late.child)).toBe(0);

    await Promise.all(pairs.map((p) => p.leave()));
    await teacher.leave();
  }, 30_000);

  it('puts a challenge finished in one process on the leaderboard the other serves', async () => {
    const playerId = randomUUID();
    const seat = await reserve(a, 'create', ROOM.challenge, { nickname: '小明', playerId, kind: 'free', speed: 'fast' });
    const other = holder([a, b], seat) === a ? b : a;
    const room = await other.client().consumeSeatReservation(seat) as unknown as ChallengeRoom;
    await hearing(room as unknown as PairRoom);
    const result = resultOf(room, 15_000);
    await followChallengeHints(room);
    const { points } = await result;
    const board = await (await fetch(`${other.http}${LEADERBOARD.path}?board=all&player=${playerId}`)).json() as LeaderboardReply;
    expect(board.you).toMatchObject({ rank: 1, nickname: '小明', points });
  }, 30_000);

  it('does not charge a seat reserved through one process and taken in a room of the other as never taken', async () => {
    // The room goes to the process with fewer rooms: rooms opened on `a` are kept open until one lands on `b`.
    const opened: PairRoom[] = [];
    for (let i = 0; i < 6; i++) {
      const seat = await reserve(a, 'create', ROOM.pair, { nickname: `Eve${i}`, mode: 'private' });
      opened.push(await hearing(await a.client().consumeSeatReservation(seat) as unknown as PairRoom));
      if (holder([a, b], seat) === b) break;
    }
    expect(opened.length).toBeLessThan(6);
    // Past the seat reservation time (2 s), an untaken seat would have cost `a`'s address all its failures.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const again = await reserve(a, 'create', ROOM.pair, { nickname: 'Fay', mode: 'private' });
    opened.push(await hearing(await a.client().consumeSeatReservation(again) as unknown as PairRoom));
    await Promise.all(opened.map((room) => room.leave()));
  }, 20_000);

  it('keeps the rooms of the other process playing when one is killed with -9, and makes new rooms on the survivor', async () => {
    const seat = await reserve(a, 'create', ROOM.pair, { nickname: 'Ada', mode: 'private', speed: 'fast' });
    const survivor = holder([a, b], seat);
    const victim = survivor === a ? b : a;
    const ada = await survivor.client().consumeSeatReservation(seat) as unknown as PairRoom;
    await hearing(ada);
    const bo = await survivor.client().joinById(ada.roomId, { nickname: 'Bo', mode: 'private' }) as PairRoom;
    await hearing(bo);
    await until(ada, (s) => s.phase === 'playing');

    await stopServer(victim.child, 'SIGKILL');
    await Promise.all([followHints(ada), followHints(bo)]);
    expect((await until(ada, (s) => s.phase !== 'playing')).moves.length).toBeGreaterThan(0);

    // The survivor's matchmaker finds the dead process silent and opens the room itself.
    const cy = await survivor.client().create(ROOM.pair, { nickname: 'Cy', mode: 'private' }) as PairRoom;
    await hearing(cy);
    const di = await survivor.client().joinById(cy.roomId, { nickname: 'Di', mode: 'private' }) as PairRoom;
    await hearing(di);
    await until(cy, (s) => s.phase === 'playing');
    await Promise.all([ada.leave(), bo.leave(), cy.leave(), di.leave()]);
  }, 30_000);
});
