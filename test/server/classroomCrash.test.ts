/**
 * A server killed (-9) in the middle of a class round: at its next start the class is no
 * longer open for ever (`endedAt` set) and its report marks the round that was running as
 * interrupted, while a finished round stays as it was.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, classReportPath, ROOM, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport, type SeatPayload,
  type StudentWelcomePayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { freePort } from '../freePort.ts';
import { followHints, until, type PairRoom } from './gameServer.ts';
import { command, Inbox, type ClassRoom } from './classroomHarness.ts';
import { killServers, startServer, stopServer } from './serverProcess.ts';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'tango-crash-'));
afterAll(killServers);

describe('a server killed during a class round', () => {
  it('ends the class at the next start and marks the running round interrupted', async () => {
    const port = await freePort();
    const ws = `ws://127.0.0.1:${port}`;
    const first = await startServer(port, DATA_DIR);

    const teacherRoom = await new Client(ws).create(ROOM.classroom, { teacher: true, settings: { playlist: ['handshake', 'client-close'], speed: 'fast' } }) as ClassRoom;
    const { code, secret } = await new Inbox(teacherRoom).take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome);
    const students = await Promise.all(['Mei', 'Bo'].map(async (nickname) => {
      const room = await new Client(ws).joinById(code, { nickname }) as ClassRoom;
      const inbox = new Inbox(room);
      await inbox.take<StudentWelcomePayload>(CLASS_MSG.studentWelcome);
      return inbox;
    }));
    await until(teacherRoom, (s) => s.students.size === 2);

    // Round 1 is played to its end; round 2 is running when the process is killed.
    const takeSeats = () => Promise.all(students.map(async (inbox) => {
      const seat = await inbox.take<SeatPayload>(CLASS_MSG.seat);
      const pair = await new Client(ws).consumeSeatReservation(seat.reservation) as unknown as PairRoom;
      new Inbox(pair as never);
      await until(pair, (s) => s.phase === 'playing');
      return pair;
    }));
    await command(teacherRoom, TEACHER_MSG.startRound);
    await Promise.all((await takeSeats()).map((pair) => followHints(pair)));
    await until(teacherRoom, (s) => s.phase === 'review', 15_000);
    await command(teacherRoom, TEACHER_MSG.startRound);
    await takeSeats();
    await until(teacherRoom, (s) => s.phase === 'playing');
    await stopServer(first, 'SIGKILL');

    const second = await startServer(port, DATA_DIR);
    const report = await (await fetch(`http://127.0.0.1:${port}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: secret } })).json() as ClassReport;
    expect(report.endedAt).not.toBeNull();
    expect(report.rounds.map((r) => [r.roundNo, r.scenarioId, r.interrupted])).toEqual([[1, 'handshake', false], [2, 'client-close', true]]);
    expect(report.students.every((s) => s.roundsPlayed === 1 && s.points > 0)).toBe(true);
    expect(second.output()).toContain(code);
    expect(await stopServer(second)).toBe(0);
  }, 60_000);
});
