/**
 * A server killed (-9) in the middle of a class round and started again on the same DATA_DIR:
 * the class comes back under its code with its roster, settings and standings; the teacher
 * comes back with the secret, the students with their tokens (as their pages do once the SDK's
 * own reconnection fails against the new process); the round that was running is marked
 * interrupted in the report and is played again, with the standings carrying on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, CloseCode, type Room } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, classReportPath, errorCodeOf, ROOM, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport, type SeatPayload,
  type StudentWelcomePayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { freePort } from '../freePort.ts';
import { followHints, until, type PairRoom } from './gameServer.ts';
import { command, Inbox, type ClassRoom } from './classroomHarness.ts';
import { killServers, startServer, stopServer } from './serverProcess.ts';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'tango-crash-'));
afterAll(killServers);

interface Seated { readonly room: ClassRoom; readonly inbox: Inbox; readonly welcome: StudentWelcomePayload }

describe('a server killed during a class round', () => {
  it('brings the class back at the next start: same students, the round marked interrupted and played again', async () => {
    const port = await freePort();
    const ws = `ws://127.0.0.1:${port}`;
    const report = async (code: string, secret: string) =>
      await (await fetch(`http://127.0.0.1:${port}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: secret } })).json() as ClassReport;
    const join = async (code: string, nickname: string, token?: string): Promise<Seated> => {
      const room = await new Client(ws).joinById(code, token ? { nickname, token } : { nickname }) as ClassRoom;
      const inbox = new Inbox(room);
      return { room, inbox, welcome: await inbox.take<StudentWelcomePayload>(CLASS_MSG.studentWelcome) };
    };
    const play = (students: readonly Seated[], toTheEnd: boolean) => Promise.all(students.map(async ({ inbox }) => {
      const seat = await inbox.take<SeatPayload>(CLASS_MSG.seat);
      const pair = await new Client(ws).consumeSeatReservation(seat.reservation) as unknown as PairRoom;
      new Inbox(pair as unknown as Room);
      await until(pair, (s) => s.phase === 'playing');
      if (toTheEnd) await followHints(pair);
      return seat;
    }));

    const first = await startServer(port, DATA_DIR);
    const teacherRoom = await new Client(ws).create(ROOM.classroom, { teacher: true, settings: { playlist: ['handshake', 'client-close'], speed: 'fast' } }) as ClassRoom;
    const { code, secret } = await new Inbox(teacherRoom).take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome);
    const before = await Promise.all(['Mei', 'Bo'].map((nickname) => join(code, nickname)));
    await until(teacherRoom, (s) => s.students.size === 2);

    // Round 1 is played to its end; round 2 is running when the process is killed.
    await command(teacherRoom, TEACHER_MSG.startRound);
    await play(before, true);
    const afterRound1 = await until(teacherRoom, (s) => s.phase === 'review' && s.leaderboard.every((r) => r.points > 0), 15_000);
    const points1 = new Map(afterRound1.leaderboard.map((r) => [r.studentId, r.points]));
    await command(teacherRoom, TEACHER_MSG.startRound);
    await play(before, false);
    teacherRoom.reconnection.minUptime = 0;
    const oldTeacherLeft = new Promise<number>((resolve) => teacherRoom.onLeave((c) => resolve(c)));
    await stopServer(first, 'SIGKILL');

    const second = await startServer(port, DATA_DIR);
    expect(second.output()).toContain(`revived 1 class(es) left open by the last run: ${code}`);
    // The old connection's own reconnection fails against the new process, without saying the
    // class is over (not a consented close): that is when a page comes back by code instead.
    expect(await oldTeacherLeft).not.toBe(CloseCode.CONSENTED);

    // Nobody takes the class by creating it again, nor as its teacher without the secret.
    await expect(new Client(ws).create(ROOM.classroom, { teacher: true, revive: code }).catch(errorCodeOf)).resolves.toBe('badOptions');
    await expect(new Client(ws).joinById(code, { teacher: true, secret: 'x'.repeat(43) }).catch(errorCodeOf)).resolves.toBe('badTeacherSecret');

    const teacher = await new Client(ws).joinById(code, { teacher: true, secret }) as ClassRoom;
    await teacher.waitForInitialState();
    const back = await until(teacher, (s) => s.students.size === 2 && s.leaderboard.length === 2);
    expect({ code: back.code, round: back.round, phase: back.phase, playlist: [...back.settings.playlist], speed: back.settings.speed })
      .toEqual({ code, round: 2, phase: 'review', playlist: ['handshake', 'client-close'], speed: 'fast' });
    expect([...back.students.values()].map((s) => [s.nickname, s.connected])).toEqual([['Mei', false], ['Bo', false]]);
    expect(new Map(back.leaderboard.map((r) => [r.studentId, r.points]))).toEqual(points1);

    // Each student comes back as the same student with the token the page kept, under a new nickname even.
    const after = await Promise.all(before.map((s) => join(code, 'Someone', s.welcome.token)));
    expect(after.map((s) => s.welcome)).toEqual(before.map((s) => s.welcome));
    await until(teacher, (s) => [...s.students.values()].every((st) => st.connected));

    const interrupted = await report(code, secret);
    expect(interrupted.endedAt).toBeNull();
    expect(interrupted.rounds.map((r) => [r.roundNo, r.scenarioId, r.interrupted])).toEqual([[1, 'handshake', false], [2, 'client-close', true]]);

    // The interrupted round is played again (its scenario, a new number), to the end, by the same two.
    await command(teacher, TEACHER_MSG.startRound);
    const seats = await play(after, true);
    expect(seats.map((s) => s.round)).toEqual([3, 3]);
    const done = await until(teacher, (s) => s.phase === 'review' && s.leaderboard.every((r) => r.points > (points1.get(r.studentId) ?? 0)), 15_000);
    expect(done.scenarioId).toBe('client-close');
    // The playlist's two rounds are done: the interrupted one does not count, the replay does.
    await expect(command(teacher, TEACHER_MSG.startRound).catch(errorCodeOf)).resolves.toBe('noRoundsLeft');

    const final = await report(code, secret);
    expect(final.rounds.map((r) => [r.roundNo, r.scenarioId, r.interrupted])).toEqual([[1, 'handshake', false], [2, 'client-close', true], [3, 'client-close', false]]);
    expect(final.students.map((s) => [s.studentId, s.roundsPlayed])).toEqual(expect.arrayContaining(before.map((s) => [s.welcome.studentId, 2])));
    expect(await stopServer(second)).toBe(0);
  }, 60_000);
});
