import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@colyseus/sdk';
import { openStores } from '../../server/storage/stores.ts';
import { CLASS_MSG, ROOM, SERVER_MSG, TEACHER_MSG, type ErrorPayload } from '../../shared/protocol.ts';
import { bootGame, freshClient, until, refusal, type TestServer } from './gameServer.ts';
import { classConfig, command, createClass, joinClass, type ClassRoom } from './classroomHarness.ts';

let colyseus: TestServer;
const stores = openStores(':memory:');
beforeAll(async () => { colyseus = await bootGame(classConfig(), stores); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });


function send(room: ClassRoom, type: string, payload?: unknown): void {
  (room.send as (t: string, p?: unknown) => void)(type, payload);
}

const A_SECRET_NOBODY_HAS = 'A'.repeat(43);

describe('teacher powers', () => {
  it('refuse every teacher command a student sends, as a request or a message, and nothing changes', async () => {
    const teacher = await createClass(colyseus);
    const amy = await joinClass(teacher.code, 'Amy');
    const bo = await joinClass(teacher.code, 'Bo');
    // Cy sends the commands as plain messages: one student's requests and messages together would outrun the rate limit.
    const cy = await joinClass(teacher.code, 'Cy');
    await until(teacher.room, (s) => s.students.size === 3);
    const commands: [string, unknown][] = [
      [TEACHER_MSG.settings, { rounds: 9 }], [TEACHER_MSG.lock, { locked: true }], [TEACHER_MSG.kick, { studentId: bo.welcome.studentId }],
      [TEACHER_MSG.startRound, undefined], [TEACHER_MSG.pause, undefined], [TEACHER_MSG.resume, undefined],
      [TEACHER_MSG.endRound, undefined], [TEACHER_MSG.endClass, undefined], [TEACHER_MSG.watchPair, { pairCode: 'ABCDE' }],
      [TEACHER_MSG.timeAllowance, { studentId: amy.welcome.studentId, allowance: 'untimed' }],
    ];
    expect(commands.map(([type]) => type).sort()).toEqual(Object.values(TEACHER_MSG).sort());

    for (const [type, payload] of commands) expect(await refusal(command(amy.room, type, payload)), type).toBe('notTeacher');
    for (const [type, payload] of commands) send(cy.room, type, payload);
    for (const [type] of commands) expect(await cy.inbox.take<ErrorPayload>(SERVER_MSG.error), type).toEqual({ code: 'notTeacher' });

    const s = teacher.room.state;
    expect([s.phase, s.locked, s.round, s.students.size, s.settings.rounds, s.timeAllowances.size]).toEqual(['lobby', false, 0, 3, 4, 0]);
    expect(amy.room.connection.isOpen).toBe(true);
    // Asking to be the teacher does not make a student one.
    expect(await refusal(freshClient().joinById(teacher.code, { teacher: true }))).toBe('badTeacherSecret');
    expect(await refusal(freshClient().joinById(teacher.code, { teacher: true, secret: A_SECRET_NOBODY_HAS }))).toBe('badTeacherSecret');
  });

  it('refuse a wrong secret, and make a reloaded teacher page the teacher again with the right one', async () => {
    const teacher = await createClass(colyseus);
    for (const secret of [A_SECRET_NOBODY_HAS, 'short', `${teacher.secret.slice(0, -1)}x`]) {
      expect(await refusal(freshClient().joinById(teacher.code, { teacher: true, secret })), secret).toBe('badTeacherSecret');
    }
    // Only a hash is stored: the secret itself is nowhere but in the teacher's browser.
    expect((await stores.classes.get(teacher.code))!.secretHash).not.toContain(teacher.secret);
    expect(JSON.stringify(teacher.room.state.toJSON())).not.toContain(teacher.secret);

    await teacher.room.leave();
    const back = await freshClient().joinById(teacher.code, { teacher: true, secret: teacher.secret }) as ClassRoom;
    await command(back, TEACHER_MSG.lock, { locked: true });
    expect((await until(back, (s) => s.locked)).locked).toBe(true);
  });
});

describe('joining a class', () => {
  it('reaches every screen at most four times a second, however fast students arrive', async () => {
    const teacher = await createClass(colyseus);
    // Timed where the class sends them: at the client, a late patch and the next on-time one
    // can arrive closer together than they left (a loaded machine did it, 138 ms apart).
    const patches: number[] = [];
    const room = colyseus.getRoomById(teacher.room.roomId);
    const broadcastPatch = room.broadcastPatch.bind(room);
    room.broadcastPatch = () => {
      const sent = broadcastPatch();
      if (sent) patches.push(performance.now());
      return sent;
    };
    // Students arrive faster than patches go out: each arrival changes the class. They keep
    // coming until the screen has had a few patches (or the class is full).
    let joined = 0;
    while (patches.length < 4 && joined < 150) await joinClass(teacher.code, `S${joined++}`);
    await until(teacher.room, (s) => s.students.size === joined);
    const gaps = patches.slice(1).map((t, i) => t - patches[i]!);
    expect(patches.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...gaps)).toBeGreaterThan(150);
  });

  it('is refused with classLocked when the class is locked, but its own students come back', async () => {
    const teacher = await createClass(colyseus);
    const amy = await joinClass(teacher.code, 'Amy');
    await command(teacher.room, TEACHER_MSG.lock, { locked: true });

    expect(await refusal(joinClass(teacher.code, 'Bo'))).toBe('classLocked');
    await amy.room.leave();
    const again = await joinClass(teacher.code, 'Amy', amy.welcome.token);
    expect(again.welcome).toEqual(amy.welcome);

    await command(teacher.room, TEACHER_MSG.lock, { locked: false });
    expect((await joinClass(teacher.code, 'Bo')).welcome.nickname).toBe('Bo');
    expect(await refusal(colyseus.sdk.joinById('ZZZZ9', { nickname: 'Cy' }))).toBe('roomNotFound');
  });

  it('is over for a kicked student, with a clear reason, under the same token or the same name', async () => {
    const teacher = await createClass(colyseus);
    const amy = await joinClass(teacher.code, 'Amy');
    await joinClass(teacher.code, 'Bo');
    await until(teacher.room, (s) => s.leaderboard.length === 2);
    const left = new Promise<string | undefined>((resolve) => amy.room.onLeave((_code, reason) => resolve(reason)));

    await command(teacher.room, TEACHER_MSG.kick, { studentId: amy.welcome.studentId });

    expect(await amy.inbox.take<ErrorPayload>(SERVER_MSG.error)).toEqual({ code: 'kicked' });
    expect(await left).toBe('kicked');
    const s = await until(teacher.room, (v) => v.students.size === 1 && v.leaderboard.length === 1);
    expect(s.leaderboard[0]!.nickname).toBe('Bo');
    expect(await refusal(joinClass(teacher.code, 'Amy', amy.welcome.token))).toBe('kicked');
    expect(await refusal(joinClass(teacher.code, 'amy'))).toBe('kicked');
    expect(await refusal(command(teacher.room, TEACHER_MSG.kick, { studentId: amy.welcome.studentId }))).toBe('unknownStudent');
  });

  it('refuses students and commands once the teacher has ended the class', async () => {
    const teacher = await createClass(colyseus);
    const amy = await joinClass(teacher.code, 'Amy');
    await command(teacher.room, TEACHER_MSG.endClass);
    expect(await amy.inbox.take(SERVER_MSG.notice)).toEqual({ code: 'classEnded' });
    expect((await until(teacher.room, (s) => s.phase === 'ended')).phase).toBe('ended');
    expect(await refusal(joinClass(teacher.code, 'Bo'))).toBe('classEnded');
    expect(await refusal(command(teacher.room, TEACHER_MSG.startRound))).toBe('classEnded');
    expect((await stores.classes.get(teacher.code))!.endedAt).not.toBeNull();
  });

  it('hands the secret to the creator once, and never to anyone else', async () => {
    const teacher = await createClass(colyseus);
    expect(teacher.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const amy = await joinClass(teacher.code, 'Amy');
    const again = await freshClient().joinById(teacher.code, { teacher: true, secret: teacher.secret }) as ClassRoom;
    await command(again, TEACHER_MSG.lock, { locked: false });
    expect(amy.inbox.has(CLASS_MSG.teacherWelcome)).toBe(false);
    // A second class is a second secret.
    const other = await createClass(colyseus);
    expect(other.secret).not.toBe(teacher.secret);
    expect(await refusal(freshClient().joinById(other.code, { teacher: true, secret: teacher.secret }))).toBe('badTeacherSecret');
    expect(await refusal(colyseus.sdk.create(ROOM.classroom, { teacher: true, settings: { rounds: 0 } }))).toBe('badOptions');
    expect(amy.room.connection.isOpen).toBe(true);
    void CloseCode;
  });
});
