/**
 * Classroom tests' helpers: a server with short classroom timings, a teacher and students as
 * real SDK clients, and an inbox per client that keeps every message, so a test waits for what
 * the server says (even if it already said it) instead of sleeping.
 */
import type { Room } from '@colyseus/sdk';
import type { ClassroomRoom } from '../../server/rooms/classroom/ClassroomRoom.ts';
import type { ClassroomState } from '../../server/rooms/schema/ClassroomState.ts';
import type { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import type { Config } from '../../server/config.ts';
import {
  CLASS_MSG, ROOM, TEACHER_MSG, type ClassSettings, type SeatPayload, type StudentWelcomePayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { followHints, freshClient, testConfig, until, type PairRoom, type TestServer } from './gameServer.ts';

export function classConfig(classroom: Partial<Config['classroom']> = {}): Config {
  const base = testConfig();
  // No get-ready step in a class's rounds, so pairs play on the tests' timing (getReady.test.ts has one).
  return { ...base, classroom: { ...base.classroom, seatWaitMs: 3000, getReadyMs: 0, resultGraceMs: 2000, reconnectSeconds: 2, seed: 7, ...classroom } };
}

export type ClassRoom = Room<ClassroomRoom>;

/** Every message a room receives, kept in order; `take` hands out each one once. */
export class Inbox {
  private readonly messages: { type: string; payload: unknown }[] = [];
  private readonly waiting = new Set<() => void>();

  constructor(room: Room) {
    room.onMessage('*', (type, payload) => {
      this.messages.push({ type: String(type), payload });
      for (const wake of [...this.waiting]) wake();
    });
  }

  /** The oldest message of `type` not taken yet, waiting for it if need be. */
  take<T>(type: string, timeoutMs = 8000): Promise<T> {
    return new Promise((resolve, reject) => {
      const look = (): boolean => {
        const i = this.messages.findIndex((m) => m.type === type);
        if (i < 0) return false;
        const [m] = this.messages.splice(i, 1);
        resolve(m!.payload as T);
        return true;
      };
      if (look()) return;
      const wake = () => {
        if (!look()) return;
        clearTimeout(timer);
        this.waiting.delete(wake);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(wake);
        reject(new Error(`no ${type} message`));
      }, timeoutMs);
      this.waiting.add(wake);
    });
  }

  /** Whether a message of `type` has come and not been taken. */
  has(type: string): boolean {
    return this.messages.some((m) => m.type === type);
  }
}

export interface Teacher {
  readonly room: ClassRoom;
  readonly inbox: Inbox;
  readonly code: string;
  readonly secret: string;
}

export interface Student {
  readonly room: ClassRoom;
  readonly inbox: Inbox;
  readonly welcome: StudentWelcomePayload;
}

export async function createClass(colyseus: TestServer, settings: Partial<ClassSettings> = {}): Promise<Teacher> {
  const room = await colyseus.sdk.create(ROOM.classroom, { teacher: true, settings }) as ClassRoom;
  const inbox = new Inbox(room);
  // Both listen from the start: the first state may come before or after the welcome.
  const [welcome] = await Promise.all([inbox.take<TeacherWelcomePayload>(CLASS_MSG.teacherWelcome), room.waitForInitialState()]);
  return { room, inbox, code: welcome.code, secret: welcome.secret };
}

export async function joinClass(code: string, nickname: string, token?: string): Promise<Student> {
  const room = await freshClient().joinById(code, token ? { nickname, token } : { nickname }) as ClassRoom;
  const inbox = new Inbox(room);
  const welcome = await inbox.take<StudentWelcomePayload>(CLASS_MSG.studentWelcome);
  return { room, inbox, welcome };
}

/** The teacher's command as the SDK sends it (a request); rejects with the refusal. */
export function command(room: ClassRoom, type: string, payload?: unknown): Promise<unknown> {
  return (room.request as (t: string, p?: unknown) => Promise<unknown>)(type, payload);
}

/** The student takes the seat the class reserved this round, as the web client will. */
export async function takeSeat(student: Student, timeoutMs?: number): Promise<{ seat: SeatPayload; pair: PairRoom }> {
  const seat = await student.inbox.take<SeatPayload>(CLASS_MSG.seat, timeoutMs);
  const pair = await freshClient().consumeSeatReservation(seat.reservation) as unknown as PairRoom;
  new Inbox(pair as unknown as Room);
  await pair.waitForInitialState();
  return { seat, pair };
}

/** Takes the seat, plays every hinted card until the pair's round is over, and leaves it open. */
export async function playRound(student: Student): Promise<{ seat: SeatPayload; pair: PairRoom; state: PairRoomState }> {
  const { seat, pair } = await takeSeat(student);
  await until(pair, (s) => s.phase !== 'waiting');
  await followHints(pair);
  const state = await until(pair, (s) => s.phase === 'finished');
  return { seat, pair, state };
}

export type ClassView = ClassroomState;

/** A class of two in a handshake round, both seated: `a` is the client's pair room (it sends the first SYN), `b` the server's. */
export async function twoSeated(colyseus: TestServer) {
  const teacher = await createClass(colyseus, { playlist: ['handshake'] });
  const amy = await joinClass(teacher.code, 'Amy');
  const bo = await joinClass(teacher.code, 'Bo');
  await until(teacher.room, (s) => s.students.size === 2);
  await command(teacher.room, TEACHER_MSG.startRound);
  const seats = await Promise.all([takeSeat(amy), takeSeat(bo)]);
  const [a, b] = seats[0].seat.role === 'client' ? [seats[0].pair, seats[1].pair] : [seats[1].pair, seats[0].pair];
  await until(a, (s) => s.phase === 'playing');
  return { teacher, amy, bo, a, b, amyPair: seats[0].pair, boPair: seats[1].pair };
}
