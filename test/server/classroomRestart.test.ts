/**
 * A real restart: the server runs as its own process (`node server/index.ts`, as `npm start`
 * does), a class plays a round, the process is stopped with SIGTERM and started again on the
 * same DATA_DIR, and the teacher's report and CSV are still there, unchanged.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, classReportPath, errorCodeOf, ROOM, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport, type SeatPayload,
  type StudentWelcomePayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { freePort } from '../freePort.ts';
import { followHints, until, type PairRoom } from './gameServer.ts';
import { command, Inbox, type ClassRoom } from './classroomHarness.ts';
import { killServers, startServer as startIn, stopServer } from './serverProcess.ts';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'tango-restart-'));
afterAll(killServers);
const startServer = (port: number) => startIn(port, DATA_DIR);

describe('a server restart', () => {
  it('loses no finished round: the report and the CSV are the same after it', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await startServer(port);

    const sdk = new Client(`ws://127.0.0.1:${port}`);
    const teacherRoom = await sdk.create(ROOM.classroom, { teacher: true, settings: { playlist: ['handshake'], speed: 'fast' } }) as ClassRoom;
    const { code, secret } = await new Inbox(teacherRoom).take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome);
    const students = await Promise.all(['小明', '=1+1'].map(async (nickname) => {
      const room = await new Client(`ws://127.0.0.1:${port}`).joinById(code, { nickname }) as ClassRoom;
      const inbox = new Inbox(room);
      await inbox.take<StudentWelcomePayload>(CLASS_MSG.studentWelcome);
      return { room, inbox };
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

    expect(await stopServer(first)).toBe(0);
    const second = await startServer(port);

    const after = await (await fetch(`${url}${classReportPath(code)}`, { headers })).json() as ClassReport;
    const csvAfter = await (await fetch(`${url}${classReportPath(code, 'csv')}`, { headers })).text();
    // The class itself was still open when the server stopped; the new process ends it (nothing can reopen it yet).
    expect(before.endedAt).toBeNull();
    expect(after.endedAt).toBeTypeOf('number');
    expect({ ...after, endedAt: null }).toEqual(before);
    expect(csvAfter).toBe(csvBefore);
    expect(csvAfter).toContain('"小明"');
    expect(csvAfter).toContain(`"'=1+1"`);
    // The live class is gone with the old process; its report is not.
    await expect(new Client(`ws://127.0.0.1:${port}`).joinById(code, { nickname: 'Late' }).catch(errorCodeOf)).resolves.toBe('roomNotFound');
    expect((await fetch(`${url}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: 'y'.repeat(43) } })).status).toBe(401);

    expect(await stopServer(second)).toBe(0);
  }, 60_000);
});
