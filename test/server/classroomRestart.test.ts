/**
 * A real restart: the server runs as its own process (`node server/index.ts`, as `npm start`
 * does), a class plays a round, the process is stopped with SIGTERM and started again on the
 * same DATA_DIR: the teacher's report and CSV are still there, unchanged, and the class itself
 * is back (a shutdown is not the teacher ending it) for the same students.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, classReportPath, ROOM, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport, type ErrorCode, type SeatPayload,
  type StudentWelcomePayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { ClassSession } from '../../client/net/classSession.ts';
import { freePort } from '../freePort.ts';
import { followHints, until, type PairRoom } from './gameServer.ts';
import { command, Inbox, type ClassRoom } from './classroomHarness.ts';
import { killServers, startServer as startIn, stopServer } from './serverProcess.ts';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'tango-restart-'));
afterAll(killServers);
const startServer = (port: number) => startIn(port, DATA_DIR);

describe('a server restart', () => {
  it('loses no finished round and keeps the class open: same report and CSV, the same students back with their tokens and extra time', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await startServer(port);

    const sdk = new Client(`ws://127.0.0.1:${port}`);
    const teacherRoom = await sdk.create(ROOM.classroom, { teacher: true, settings: { playlist: ['handshake'], speed: 'fast' } }) as ClassRoom;
    const { code, secret } = await new Inbox(teacherRoom).take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome);
    const students = await Promise.all(['小明', '=1+1'].map(async (nickname) => {
      const room = await new Client(`ws://127.0.0.1:${port}`).joinById(code, { nickname }) as ClassRoom;
      const inbox = new Inbox(room);
      const welcome = await inbox.take<StudentWelcomePayload>(CLASS_MSG.studentWelcome);
      return { room, inbox, welcome };
    }));
    await until(teacherRoom, (s) => s.students.size === 2);
    await command(teacherRoom, TEACHER_MSG.startRound);
    await Promise.all(students.map(async ({ inbox }) => {
      const seat = await inbox.take<SeatPayload>(CLASS_MSG.seat);
      const pair = await new Client(`ws://127.0.0.1:${port}`).consumeSeatReservation(seat.reservation) as unknown as PairRoom;
      new Inbox(pair as never);
      await until(pair, (s) => s.phase === 'playing');
      await followHints(pair);
    }));
    await until(teacherRoom, (s) => s.phase === 'review', 15_000);

    const headers = { [TEACHER_SECRET_HEADER]: secret };
    const before = await (await fetch(`${url}${classReportPath(code)}`, { headers })).json() as ClassReport;
    const csvBefore = await (await fetch(`${url}${classReportPath(code, 'csv')}`, { headers })).text();
    expect(before.students.map((s) => s.nickname).sort()).toEqual(['=1+1', '小明'].sort());
    expect(before.students.every((s) => s.points > 0 && s.roundsPlayed === 1)).toBe(true);

    // The students' pages, as the web client keeps them: a lost class is joined again by code with the kept token.
    const pages = students.map(({ room, welcome }) => {
      const comeBack = () => new Client(`ws://127.0.0.1:${port}`).joinById(code, { nickname: welcome.nickname, token: welcome.token });
      const page = new ClassSession(new Client(`ws://127.0.0.1:${port}`), room, { teacher: false, studentId: welcome.studentId, nickname: welcome.nickname }, comeBack);
      const closed: ErrorCode[] = [];
      page.events.on('closed', (c) => closed.push(c));
      return { page, closed, returned: new Promise<void>((resolve) => page.events.on('returned', resolve)) };
    });

    // 小明 has more time, which the restart must not take away.
    await command(teacherRoom, TEACHER_MSG.timeAllowance, { studentId: students[0]!.welcome.studentId, allowance: 'untimed' });
    expect(await stopServer(first)).toBe(0);
    const second = await startServer(port);

    const after = await (await fetch(`${url}${classReportPath(code)}`, { headers })).json() as ClassReport;
    const csvAfter = await (await fetch(`${url}${classReportPath(code, 'csv')}`, { headers })).text();
    // The class was open when the server stopped, and still is: shutting down is not ending it.
    expect(after).toEqual(before);
    expect(after.endedAt).toBeNull();
    expect(csvAfter).toBe(csvBefore);
    expect(csvAfter).toContain('"小明"');
    expect(csvAfter).toContain(`"'=1+1"`);
    expect((await fetch(`${url}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: 'y'.repeat(43) } })).status).toBe(401);

    // The class is live again: the students' pages came back by themselves, as the same students, with their standings.
    await Promise.all(pages.map((p) => p.returned));
    expect(pages.flatMap((p) => p.closed)).toEqual([]);
    expect(pages.map((p) => p.page.studentId)).toEqual(students.map((s) => s.welcome.studentId));
    const teacher = await new Client(`ws://127.0.0.1:${port}`).joinById(code, { teacher: true, secret }) as ClassRoom;
    await teacher.waitForInitialState();
    const state = await until(teacher, (s) => s.leaderboard.length === 2 && [...s.students.values()].every((st) => st.connected));
    expect(state.leaderboard.map((r) => [r.nickname, r.points]).sort()).toEqual(before.students.map((s) => [s.nickname, s.points]).sort());
    expect(Object.fromEntries(state.timeAllowances)).toEqual({ [students[0]!.welcome.studentId]: 'untimed' });
    expect(pages.every((p) => p.page.view.code === code && p.page.view.phase === 'review')).toBe(true);
    await Promise.all(pages.map((p) => p.page.leave()));
    expect(second.output()).toContain(code);

    expect(await stopServer(second)).toBe(0);
  }, 60_000);
});
