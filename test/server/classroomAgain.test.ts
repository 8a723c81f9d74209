import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLASS_MSG, PAST_CLASSES_MAX, PAST_CLASSES_PATH, ROOM, TEACHER_MSG, TEACHER_SECRETS_HEADER, type PastClasses, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { bootGame, freshClient, refusal, TEST_URL, until, type TestServer } from './gameServer.ts';
import { classConfig, command, createClass, Inbox, joinClass, type ClassRoom, type Teacher } from './classroomHarness.ts';

let colyseus: TestServer;
let first: Teacher;
let second: Teacher;
let someoneElses: Teacher;
beforeAll(async () => {
  colyseus = await bootGame(classConfig());
  first = await createClass(colyseus, { playlist: ['client-close', 'handshake'], difficulty: 'numbers', rankBy: 'accuracy' });
  const names = ['Amy', 'Bo', 'Cy'];
  const joined = [];
  for (const n of names) joined.push(await joinClass(first.code, n));
  await until(first.room, (s) => s.students.size === 3);
  await command(first.room, TEACHER_MSG.kick, { studentId: joined[1]!.welcome.studentId });
  await command(first.room, TEACHER_MSG.timeAllowance, { studentId: joined[2]!.welcome.studentId, allowance: 'extra' });
  second = await createClass(colyseus, { playlist: ['handshake'] });
  someoneElses = await createClass(colyseus);
});
afterAll(async () => { await colyseus.shutdown(); });

const mine = (secrets: string | undefined) => fetch(`${TEST_URL}${PAST_CLASSES_PATH}`, secrets === undefined ? {} : { headers: { [TEACHER_SECRETS_HEADER]: secrets } });
const aSecret = () => randomBytes(32).toString('base64url');

describe('running a class again', () => {
  it('lists the classes whose secrets this browser holds, newest first, and no one else\'s', async () => {
    const res = await mine(`${first.secret},${second.secret}`);
    expect(res.status).toBe(200);
    const { classes } = await res.json() as PastClasses;
    expect(classes.map((c) => c.code)).toEqual([second.code, first.code]);
    const old = classes[1]!;
    // Removed students are left out; the settings are the class's own.
    expect(old.students).toEqual(['Amy', 'Cy']);
    expect(old.settings).toMatchObject({ playlist: ['client-close', 'handshake'], difficulty: 'numbers', rankBy: 'accuracy' });
    expect(classes.map((c) => c.code)).not.toContain(someoneElses.code);
  });

  it('starts a new class with the same settings, the same names and their extra time, taken by students who join again under them', async () => {
    const room = await freshClient().create(ROOM.classroom, { teacher: true, again: { code: first.code, secret: first.secret } }) as ClassRoom;
    const inbox = new Inbox(room);
    const [welcome] = await Promise.all([inbox.take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome), room.waitForInitialState()]);
    expect(welcome.code).not.toBe(first.code);
    const state = await until(room, (s) => s.students.size === 2);
    expect({ ...state.settings.toJSON(), playlist: [...state.settings.playlist] })
      .toMatchObject({ playlist: ['client-close', 'handshake'], difficulty: 'numbers', rankBy: 'accuracy' });
    const kept = new Map([...state.students.values()].map((s) => [s.nickname, s]));
    expect([...kept.keys()].sort()).toEqual(['Amy', 'Cy']);
    expect([...kept.values()].every((s) => !s.connected)).toBe(true);
    // Cy's extra time comes with the name (on the teacher's screens only, as before).
    expect(Object.fromEntries(state.timeAllowances)).toEqual({ [kept.get('Cy')!.id]: 'extra' });
    // Nobody has come yet: the leaderboard waits for them.
    expect(state.leaderboard.length).toBe(0);

    const amy = await joinClass(welcome.code, 'amy');
    expect(amy.welcome).toMatchObject({ studentId: kept.get('Amy')!.id, nickname: 'Amy' });
    const dan = await joinClass(welcome.code, 'Dan');
    const after = await until(room, (s) => s.students.size === 3 && s.students.get(kept.get('Amy')!.id)!.connected && s.leaderboard.length === 2);
    expect(after.students.get(dan.welcome.studentId)!.nickname).toBe('Dan');
    await room.leave();
  });

  it('refuses to run again a class whose secret the creator does not hold, alike for a code that names nothing', async () => {
    for (const again of [{ code: first.code, secret: second.secret }, { code: 'ZZZZ9', secret: first.secret }]) {
      expect(await refusal(freshClient().create(ROOM.classroom, { teacher: true, again }))).toBe('badTeacherSecret');
    }
    expect(await refusal(freshClient().create(ROOM.classroom, { teacher: true, again: { code: first.code } }))).toBe('badOptions');
  });

  it('validates the secrets, caps them, and refuses an address that keeps guessing while the teacher\'s own list still works', async () => {
    for (const bad of [undefined, '', 'short', `${first.secret},not a secret`, Array.from({ length: PAST_CLASSES_MAX + 1 }, aSecret).join(',')]) {
      const res = await mine(bad);
      expect(res.status, String(bad).slice(0, 30)).toBe(400);
      expect(await res.json()).toEqual({ code: 'badOptions' });
    }
    // Guessing: every secret that opens nothing counts against the address (100 failures by default).
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await mine(Array.from({ length: PAST_CLASSES_MAX }, aSecret).join(','))).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // A guess with one real secret in it is refused too, but the teacher's own list is not held back.
    expect((await mine(`${first.secret},${aSecret()}`)).status).toBe(429);
    const own = await mine(first.secret);
    expect(own.status).toBe(200);
    expect(((await own.json()) as PastClasses).classes.map((c) => c.code)).toEqual([first.code]);
  });
});
