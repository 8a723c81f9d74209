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
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, classReportPath, errorCodeOf, ROOM, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport, type ClassroomView, type ErrorCode, type SeatPayload,
  type StudentWelcomePayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { ClassSession } from '../../client/net/classSession.ts';
import { freePort } from '../freePort.ts';
import { followHints, until, type PairRoom } from './gameServer.ts';
import { Inbox, type ClassRoom } from './classroomHarness.ts';
import { killServers, startServer, stopServer } from './serverProcess.ts';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'tango-crash-'));
afterAll(killServers);

/** A page as the web client keeps it: its class session, which joins again by code when the connection is lost. */
interface Page { readonly session: ClassSession; readonly returned: Promise<void>; readonly closed: ErrorCode[] }

function page(session: ClassSession): Page {
  const closed: ErrorCode[] = [];
  session.events.on('closed', (c) => closed.push(c));
  return { session, closed, returned: new Promise((resolve) => session.events.on('returned', resolve)) };
}

/** The class's next view that satisfies `holds` (the current one if it does). */
function viewUntil(session: ClassSession, holds: (v: ClassroomView) => boolean, timeoutMs = 15_000): Promise<ClassroomView> {
  if (holds(session.view)) return Promise.resolve(session.view);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error('the class never showed that')); }, timeoutMs);
    const off = session.events.on('view', (v) => {
      if (!holds(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

/** The seat the class hands this round (kept by the session if it came before anyone listened). */
function nextSeat(session: ClassSession, round: number): Promise<SeatPayload> {
  const pending = session.pendingSeat;
  if (pending?.round === round) return Promise.resolve(pending);
  return new Promise((resolve) => {
    const off = session.events.on('seat', (seat) => {
      if (seat.round !== round) return;
      off();
      resolve(seat);
    });
  });
}

describe('a server killed during a class round', () => {
  it('brings the class back at the next start: the pages come back by themselves, the round is marked interrupted and played again', async () => {
    const port = await freePort();
    const ws = `ws://127.0.0.1:${port}`;
    const report = async (code: string, secret: string) =>
      await (await fetch(`http://127.0.0.1:${port}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: secret } })).json() as ClassReport;
    const play = (pages: readonly Page[], round: number, toTheEnd: boolean) => Promise.all(pages.map(async ({ session }) => {
      const seat = await nextSeat(session, round);
      const pair = await new Client(ws).consumeSeatReservation(seat.reservation) as unknown as PairRoom;
      new Inbox(pair as unknown as Room);
      // A round that is to be cut short is killed as soon as its pairs are seated (in the get-ready step).
      if (!toTheEnd) return seat;
      await until(pair, (s) => s.phase === 'playing');
      await followHints(pair);
      return seat;
    }));

    const first = await startServer(port, DATA_DIR);
    const teacherRoom = await new Client(ws).create(ROOM.classroom, { teacher: true, settings: { playlist: ['handshake', 'client-close'], speed: 'fast' } }) as ClassRoom;
    const { code, secret } = await new Inbox(teacherRoom).take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome);
    const teacher = page(new ClassSession(new Client(ws), teacherRoom, { teacher: true }, () => new Client(ws).joinById(code, { teacher: true, secret })));
    const students = await Promise.all(['Mei', 'Bo'].map(async (nickname) => {
      const room = await new Client(ws).joinById(code, { nickname }) as ClassRoom;
      const welcome = await new Inbox(room).take<StudentWelcomePayload>(CLASS_MSG.studentWelcome);
      const member = { teacher: false, studentId: welcome.studentId, nickname: welcome.nickname } as const;
      // The token is all a page keeps: it comes back under it whatever nickname it sends.
      return page(new ClassSession(new Client(ws), room, member, () => new Client(ws).joinById(code, { nickname: 'Someone', token: welcome.token })));
    }));
    await viewUntil(teacher.session, (v) => v.students.size === 2);

    // Round 1 is played to its end; round 2 is running when the process is killed.
    expect(await teacher.session.command(TEACHER_MSG.startRound)).toBeNull();
    await play(students, 1, true);
    const afterRound1 = await viewUntil(teacher.session, (v) => v.phase === 'review' && v.leaderboard.every((r) => r.points > 0));
    const points1 = new Map(afterRound1.leaderboard.map((r) => [r.studentId, r.points]));
    expect(await teacher.session.command(TEACHER_MSG.startRound)).toBeNull();
    await play(students, 2, false);
    await viewUntil(teacher.session, (v) => v.phase === 'playing' && [...v.students.values()].every((st) => st.seated));
    await stopServer(first, 'SIGKILL');

    const second = await startServer(port, DATA_DIR);
    expect(second.output()).toContain(`revived 1 class(es) left open by the last run: ${code}`);
    // Nobody takes the class by creating it again, nor as its teacher without the secret.
    await expect(new Client(ws).create(ROOM.classroom, { teacher: true, revive: code }).catch(errorCodeOf)).resolves.toBe('badOptions');
    await expect(new Client(ws).joinById(code, { teacher: true, secret: 'x'.repeat(43) }).catch(errorCodeOf)).resolves.toBe('badTeacherSecret');

    // The SDK's own reconnection fails against the new process; every page then comes back by code.
    await Promise.all([teacher, ...students].map((p) => p.returned));
    expect([teacher, ...students].flatMap((p) => p.closed)).toEqual([]);
    const back = await viewUntil(teacher.session, (v) => v.leaderboard.length === 2 && [...v.students.values()].every((st) => st.connected));
    expect({ code: back.code, round: back.round, phase: back.phase, playlist: back.settings.playlist, speed: back.settings.speed })
      .toEqual({ code, round: 2, phase: 'review', playlist: ['handshake', 'client-close'], speed: 'fast' });
    // The same students (in the order they were admitted, which two joining at once need not follow).
    const byId = (a: readonly string[], b: readonly string[]) => a[0]!.localeCompare(b[0]!);
    expect([...back.students.values()].map((s) => [s.id, s.nickname]).sort(byId))
      .toEqual(students.map((s) => [s.session.studentId, s.session.member.teacher ? '' : s.session.member.nickname]).sort(byId));
    expect(new Map(back.leaderboard.map((r) => [r.studentId, r.points]))).toEqual(points1);

    const interrupted = await report(code, secret);
    expect(interrupted.endedAt).toBeNull();
    expect(interrupted.rounds.map((r) => [r.roundNo, r.scenarioId, r.interrupted])).toEqual([[1, 'handshake', false], [2, 'client-close', true]]);

    // The interrupted round is played again (its scenario, a new number), to the end, by the same two.
    expect(await teacher.session.command(TEACHER_MSG.startRound)).toBeNull();
    const seats = await play(students, 3, true);
    expect(seats.map((s) => s.round)).toEqual([3, 3]);
    const done = await viewUntil(teacher.session, (v) => v.phase === 'review' && v.leaderboard.every((r) => r.points > (points1.get(r.studentId) ?? 0)));
    expect(done.scenarioId).toBe('client-close');
    // The playlist's two rounds are done: the interrupted one does not count, the replay does.
    expect(await teacher.session.command(TEACHER_MSG.startRound)).toBe('noRoundsLeft');

    const final = await report(code, secret);
    expect(final.rounds.map((r) => [r.roundNo, r.scenarioId, r.interrupted])).toEqual([[1, 'handshake', false], [2, 'client-close', true], [3, 'client-close', false]]);
    expect(final.students.map((s) => [s.studentId, s.roundsPlayed]).sort()).toEqual(students.map((s) => [s.session.studentId, 2]).sort());
    await Promise.all([teacher, ...students].map((p) => p.session.leave()));
    expect(await stopServer(second)).toBe(0);
  }, 90_000);
});
