import { CloseCode, type Client, type Room } from '@colyseus/sdk';
import {
  CLASS_MSG, SERVER_MSG, errorCodeOf, type ClassroomView, type ErrorCode, type ErrorPayload, type NoticePayload, type SeatPayload,
  TEACHER_MSG,
} from '../../shared/protocol.ts';
import type { ClassroomMessages } from '../../shared/messageMap.ts';
import { Listeners } from './listeners.ts';
import { typedRoom, type PayloadArgs } from './typedRoom.ts';
import { RoomSession } from './roomSession.ts';
import { keepTrying, mayComeBack, realClock } from './classReturn.ts';
import { toClassView } from './classView.ts';
import { PairWatch } from './pairWatch.ts';
import { leaveRoom } from './leaveRoom.ts';
import { firstState } from './firstState.ts';

export type TeacherCommand = (typeof TEACHER_MSG)[keyof typeof TEACHER_MSG];
/** A teacher command's payload as arguments (none for the commands that carry nothing). */
export type CommandArgs<K extends TeacherCommand> = PayloadArgs<ClassroomMessages[K]['payload']>;

export interface ClassEvents {
  view: ClassroomView;
  /** A student's seat in this round's pair room. */
  seat: SeatPayload;
  notice: NoticePayload;
  /** The class room is gone for this browser: kicked, ended and closed, or unreachable. */
  closed: ErrorCode;
  /** The connection was lost and the page is joining the class again (a server restart). */
  returning: undefined;
  /** Back in the class after `returning`: any round that was running is over (interrupted). */
  returned: undefined;
}

/** Who this browser is in the class. */
export type ClassMember = { readonly teacher: true } | { readonly teacher: false; readonly studentId: string; readonly nickname: string };

/**
 * This browser's place in a class room: the class's state, the teacher's commands, and for a
 * student the seat of each round, taken as an ordinary pair-room session (the Match screens
 * cannot tell it from a private room).
 */
export class ClassSession {
  readonly events = new Listeners<ClassEvents>();
  readonly code: string;
  readonly member: ClassMember;
  /** The round's pair room, while a student has one. */
  pair: RoomSession | null = null;
  /** The latest seat, kept until it is taken (a screen may not be listening at that moment). */
  pendingSeat: SeatPayload | null = null;
  private current: ClassroomView;
  private lastError: ErrorCode | null = null;
  private leaving = false;
  private readonly client: Client;
  private room: Room;
  private readonly comeBack: (() => Promise<Room>) | undefined;

  /**
   * `comeBack` joins the class again by code as the same member (the kept secret or token), for
   * when the connection is lost and the SDK cannot take the session back (a server restart).
   */
  constructor(client: Client, room: Room, member: ClassMember, comeBack?: () => Promise<Room>) {
    this.client = client;
    this.room = room;
    this.member = member;
    this.comeBack = comeBack;
    this.current = toClassView(room.state);
    this.code = this.current.code || room.roomId;
    this.attach(room);
  }

  private attach(room: Room): void {
    room.onStateChange((state) => {
      this.current = toClassView(state);
      this.events.emit('view', this.current);
    });
    room.onMessage(CLASS_MSG.seat, (seat: SeatPayload) => {
      this.pendingSeat = seat;
      this.events.emit('seat', seat);
    });
    room.onMessage(SERVER_MSG.notice, (notice: NoticePayload) => this.events.emit('notice', notice));
    room.onMessage(SERVER_MSG.error, (error: ErrorPayload) => {
      this.lastError = error.code;
    });
    room.onMessage(CLASS_MSG.studentWelcome, () => undefined);
    room.onMessage(CLASS_MSG.teacherWelcome, () => undefined);
    room.reconnection.minUptime = 0;
    room.onLeave((code) => {
      if (this.leaving || room !== this.room) return;
      if (this.comeBack && mayComeBack(code, this.lastError)) void this.returnToClass(this.comeBack);
      // A kick arrives as `error kicked` and then a consented close.
      else this.events.emit('closed', this.lastError ?? (code === CloseCode.CONSENTED ? 'classEnded' : 'roomNotFound'));
    });
  }

  /** Joins the class again by code, on the same screen: the server restarted and revived it. */
  private async returnToClass(comeBack: () => Promise<Room>): Promise<void> {
    this.events.emit('returning', undefined);
    const back = await keepTrying(comeBack, realClock, () => !this.leaving);
    if (this.leaving) {
      if (back.ok) await leaveRoom(back.value);
      return;
    }
    if (!back.ok) {
      this.events.emit('closed', back.failure === 'unreachable' ? 'roomNotFound' : back.failure);
      return;
    }
    this.room = back.value;
    this.lastError = null;
    this.attach(back.value);
    // The class's state comes a round trip after the join: back once the view is the new room's.
    back.value.onStateChange.once(() => this.events.emit('returned', undefined));
  }

  get view(): ClassroomView {
    return this.current;
  }

  get isTeacher(): boolean {
    return this.member.teacher;
  }

  /** This browser's student id; '' for a teacher, whose screens have no row of their own. */
  get studentId(): string {
    return this.member.teacher ? '' : this.member.studentId;
  }

  /** A teacher's command; null when it was done, else why not. */
  async command<K extends TeacherCommand>(type: K, ...payload: CommandArgs<K>): Promise<ErrorCode | null> {
    try {
      // A command without a payload is sent with an empty object, as the server takes either.
      await typedRoom<ClassroomMessages>(this.room).request(type, ...((payload.length > 0 ? payload : [{}]) as CommandArgs<K>));
      return null;
    } catch (error) {
      return errorCodeOf(error);
    }
  }

  /** A teacher's screen watches one pair of the round (its ladder large on the projector); else why not. */
  async watch(pairCode: string): Promise<PairWatch | ErrorCode> {
    try {
      const { reservation } = await typedRoom<ClassroomMessages>(this.room).request(TEACHER_MSG.watchPair, { pairCode });
      const room = await this.client.consumeSeatReservation(reservation);
      await firstState(room);
      return new PairWatch(room);
    } catch (error) {
      return errorCodeOf(error);
    }
  }

  /** Takes the round's seat; the last round's pair room (kept open for its result) is left first. */
  async takeSeat(seat: SeatPayload): Promise<RoomSession | null> {
    if (this.pendingSeat === seat) this.pendingSeat = null;
    await this.leavePair();
    try {
      const room = await this.client.consumeSeatReservation(seat.reservation);
      await firstState(room);
      // A reload comes back through the class (which hands the same seat again), not the pair room.
      this.pair = new RoomSession(this.client, room, { keep: false });
      return this.pair;
    } catch {
      return null;
    }
  }

  async leavePair(): Promise<void> {
    const pair = this.pair;
    this.pair = null;
    await pair?.leave();
  }

  async leave(): Promise<void> {
    this.leaving = true;
    await this.leavePair();
    await leaveRoom(this.room);
    this.events.clear();
  }
}
