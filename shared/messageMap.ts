/**
 * The one message map both ends are typed from: for each room, the messages a client sends
 * (name → payload, and the reply when sent as a request) and the messages the room sends back
 * (name → payload). The server's `messages` handlers must cover a map exactly (server/rooms/
 * refusals.ts `RoomHandlers`), and client/net sends only through it (client/net/typedRoom.ts),
 * so a misspelt message name or a wrong payload fails `tsc` on both ends.
 */
import type {
  ChallengeResultPayload, ClassSettingsPatch, ErrorPayload, KickPayload, LockPayload, MoveJudgedPayload, NoticePayload,
  PlayPayload, PlayReply, ReadyPayload, SeatPayload, StudentWelcomePayload, TeacherWelcomePayload, TimeAllowancePayload, WatchPairPayload, WatchPairReply,
} from './protocol.ts';
import type { CLASS_MSG, CLIENT_MSG, SERVER_MSG, TEACHER_MSG } from './protocol.ts';

/** A message a client sends: what it carries, and what a request for it is answered with. */
export interface ClientMessage<Payload, Reply> {
  readonly payload: Payload;
  readonly reply: Reply;
}

/** A command's reply when it was done: an empty object (a refusal rejects the request instead). */
export type Done = Record<string, never>;

/** What a player sends a pair room. */
export interface PairRoomMessages {
  readonly [CLIENT_MSG.play]: ClientMessage<PlayPayload, PlayReply>;
  readonly [CLIENT_MSG.ready]: ClientMessage<ReadyPayload, Done>;
}

/** What a player sends a challenge room: only cards (its rounds follow one another by themselves). */
export type ChallengeRoomMessages = Pick<PairRoomMessages, typeof CLIENT_MSG.play>;

/** What a teacher sends a class room; a student sends nothing (each is refused with `notTeacher`). */
export interface ClassroomMessages {
  readonly [TEACHER_MSG.settings]: ClientMessage<ClassSettingsPatch, Done>;
  readonly [TEACHER_MSG.lock]: ClientMessage<LockPayload, Done>;
  readonly [TEACHER_MSG.kick]: ClientMessage<KickPayload, Done>;
  readonly [TEACHER_MSG.startRound]: ClientMessage<ReadyPayload, Done>;
  readonly [TEACHER_MSG.pause]: ClientMessage<ReadyPayload, Done>;
  readonly [TEACHER_MSG.resume]: ClientMessage<ReadyPayload, Done>;
  readonly [TEACHER_MSG.endRound]: ClientMessage<ReadyPayload, Done>;
  readonly [TEACHER_MSG.endClass]: ClientMessage<ReadyPayload, Done>;
  readonly [TEACHER_MSG.timeAllowance]: ClientMessage<TimeAllowancePayload, Done>;
  readonly [TEACHER_MSG.watchPair]: ClientMessage<WatchPairPayload, WatchPairReply>;
}

/** What a pair room sends its clients. */
export interface PairRoomEvents {
  readonly [SERVER_MSG.error]: ErrorPayload;
  readonly [SERVER_MSG.notice]: NoticePayload;
  readonly [SERVER_MSG.moveJudged]: MoveJudgedPayload;
}

/** What a challenge room sends its clients: a pair room's, and the result at the end. */
export interface ChallengeRoomEvents extends PairRoomEvents {
  readonly [SERVER_MSG.challengeResult]: ChallengeResultPayload;
}

/** What a class room sends its clients. */
export interface ClassroomEvents {
  readonly [SERVER_MSG.error]: ErrorPayload;
  readonly [SERVER_MSG.notice]: NoticePayload;
  readonly [CLASS_MSG.teacherWelcome]: TeacherWelcomePayload;
  readonly [CLASS_MSG.studentWelcome]: StudentWelcomePayload;
  readonly [CLASS_MSG.seat]: SeatPayload;
}

/** Any of the maps above: message name → `ClientMessage`. */
export type ClientMessages<M> = { readonly [K in keyof M]: ClientMessage<unknown, unknown> };
