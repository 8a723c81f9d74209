import type { Room } from '@colyseus/sdk';
import {
  CLASS_MSG, ROOM, type ClassroomCreateOptions, type StudentJoinOptions, type StudentWelcomePayload,
  type TeacherJoinOptions, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { classKeys } from '../classKeys.ts';
import { ClassSession } from './classSession.ts';
import { firstState } from './firstState.ts';
import { answerForClassTab } from './classTabs.ts';
import { failureOf, type JoinFailure } from './joinFailure.ts';
import { gameClient } from './lobby.ts';

export type ClassResult = { readonly ok: true; readonly session: ClassSession } | { readonly ok: false; readonly failure: JoinFailure };

const client = gameClient();

/** The class this page is in (as teacher or student): joining another leaves it first. */
let joined: ClassSession | null = null;
// Another tab opening the site asks whether this one is in its class (classTabs.ts).
answerForClassTab(() => joined?.code ?? null);

/** The first message of `type` the room sends (welcomes are sent once, right after the join). */
function first<T>(room: Room, type: string): Promise<T> {
  return new Promise((resolve) => room.onMessage(type, (payload: T) => resolve(payload)));
}

async function enter(join: () => Promise<ClassSession>): Promise<ClassResult> {
  try {
    const session = await join();
    await joined?.leave();
    joined = session;
    session.events.on('closed', () => {
      if (joined === session) joined = null;
    });
    return { ok: true, session };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/**
 * The teacher joining `code` again with the kept secret, for a session whose connection was lost
 * (the class is back under its code after a server restart; classReturn.ts).
 */
function teacherComesBack(code: string): () => Promise<Room> {
  return () => {
    const secret = classKeys.teacherSecret(code);
    if (!secret) return Promise.reject(new Error('badTeacherSecret'));
    return client.joinById(code, { teacher: true, secret } satisfies TeacherJoinOptions);
  };
}

/** The same student joining `code` again with the kept token (the nickname only matters to a new student). */
function studentComesBack(code: string, nickname: string): () => Promise<Room> {
  return () => {
    const token = classKeys.studentToken(code);
    if (!token) return Promise.reject(new Error('badOptions'));
    return client.joinById(code, { nickname, token } satisfies StudentJoinOptions);
  };
}

/** A new class; the secret the server hands over once is kept by this browser. */
export function createClass(options: Omit<ClassroomCreateOptions, 'teacher'>): Promise<ClassResult> {
  return enter(async () => {
    const room = await client.create(ROOM.classroom, { ...options, teacher: true } satisfies ClassroomCreateOptions);
    const [welcome] = await Promise.all([first<TeacherWelcomePayload>(room, CLASS_MSG.teacherWelcome), firstState(room)]);
    classKeys.keepTeacherSecret(welcome.code, welcome.secret);
    return new ClassSession(client, room, { teacher: true }, teacherComesBack(welcome.code));
  });
}

/** The teacher again (a reload, the projector's screen), with the kept secret. */
export function teachAgain(code: string, secret: string): Promise<ClassResult> {
  return enter(async () => {
    const room = await client.joinById(code, { teacher: true, secret } satisfies TeacherJoinOptions);
    // No welcome comes to a teacher who has the secret: the console waits for the class itself.
    await firstState(room);
    return new ClassSession(client, room, { teacher: true }, teacherComesBack(code));
  });
}

/** A student joins, or comes back as the same student with the token this browser kept. */
export function joinClass(code: string, nickname: string): Promise<ClassResult> {
  return enter(async () => {
    const token = classKeys.studentToken(code);
    const room = await client.joinById(code, (token ? { nickname, token } : { nickname }) satisfies StudentJoinOptions);
    const [welcome] = await Promise.all([first<StudentWelcomePayload>(room, CLASS_MSG.studentWelcome), firstState(room)]);
    classKeys.keepStudentToken(code, welcome.token);
    const member = { teacher: false, studentId: welcome.studentId, nickname: welcome.nickname } as const;
    return new ClassSession(client, room, member, studentComesBack(code, welcome.nickname));
  });
}
