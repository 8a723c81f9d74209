/**
 * The wire protocol between the game server and its clients: room names, join options, message
 * names and payloads, and the shape of the synchronised room state. Declared once here; the
 * server validates payloads with `validation.ts`, the client imports these types and constants.
 * Documented for people in server/PROTOCOL.md.
 */
import type { Card, Role } from './match/cards.ts';
import type { Difficulty, Speed } from './match/settings.ts';
import type { MoveRecord, RoundStatus, Skill } from './match/types.ts';
import type { ScenarioId } from './scenarios/scenario.ts';
import type { TcpState } from './tcp/states.ts';
import type { z } from 'zod';
import type { pairJoinOptionsSchema, playPayloadSchema, readyPayloadSchema } from './validation.ts';

/** Room names registered on the server. */
export const ROOM = {
  pair: 'pair',
  challenge: 'challenge',
  classroom: 'classroom',
} as const;

/**
 * The version of this protocol, raised whenever a change would make an older client misread the
 * server (2: a hint's cards as one string). Clients send it in `PROTOCOL_HEADER` with every
 * matchmaking call; a server refuses another version (`outdatedClient`), so a page left open
 * across a deploy says "reload" instead of playing on with a misread state. PROTOCOL.md lists
 * the versions.
 */
export const PROTOCOL_VERSION = 2;
/** The HTTP header of a matchmaking call that carries the client's `PROTOCOL_VERSION` (optional). */
export const PROTOCOL_HEADER = 'x-tango-protocol';

/** How a pair room is entered. */
export const PAIR_MODES = ['quick', 'private', 'solo'] as const;
export type PairMode = (typeof PAIR_MODES)[number];
/** A pair room is also one pair of a class's round; only the class room creates those. */
export type PairRoomMode = PairMode | 'class';

/** Limits shared by the client's forms and the server's validation. */
export const LIMITS = {
  nicknameMin: 1,
  nicknameMax: 20,
  roomCodeLength: 5,
  playlistMax: 20,
  roundsMax: 20,
} as const;

/** Letters and digits that cannot be mistaken for one another when read aloud or written. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A room code as people type it ("ab3 k7" or "AB3-K7" is "AB3K7"): case, spaces and dashes do not matter. */
export function typedRoomCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** The web client's pages a partner's invite link opens: a private pair room's, a pair challenge's. */
export const INVITE_PATHS = { pair: '/join/', challenge: '/challenge/' } as const;

/** The path of the invite link to room `code`, a pair room or a pair challenge. */
export function invitePath(room: keyof typeof INVITE_PATHS, code: string): string {
  return `${INVITE_PATHS[room]}${code}`;
}

/** The room code in an invite link's path (`/join/ab3k7` → `AB3K7`); null when `pathname` is not one. */
export function inviteCodeIn(pathname: string, room: keyof typeof INVITE_PATHS): string | null {
  const prefix = INVITE_PATHS[room];
  const code = pathname.startsWith(prefix) ? pathname.slice(prefix.length).replace(/\/$/, '') : '';
  return /^[A-Za-z0-9]+$/.test(code) ? code.toUpperCase() : null;
}

/** `GET /api/rooms/:code/qr.svg`: an open pair or challenge room's invite link as a QR code. */
export const roomQrPath = (code: string): string => `/api/rooms/${code}/qr.svg`;

/** Whether a nickname, trimmed as every screen and the server trim it, has a length the server takes. */
export function isNicknameLength(nickname: string): boolean {
  return nickname.length >= LIMITS.nicknameMin && nickname.length <= LIMITS.nicknameMax;
}

/** Whether `code` (as typedRoomCode gives it) can be a room code at all. */
export function isRoomCode(code: string): boolean {
  return code.length === LIMITS.roomCodeLength && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/*
 * What a client sends (join options, message payloads) is typed from its zod schema in
 * validation.ts, as the client writes it (`z.input`: before defaults and trimming), so the type a
 * client is checked against and the schema the server checks with are one declaration.
 */

/** Options a client passes to `create`/`join`/`joinOrCreate` of a pair room. */
export type PairJoinOptions = z.input<typeof pairJoinOptionsSchema>;

/** Client → server message names. */
export const CLIENT_MSG = {
  /** A request: the reply is the verdict on the card. */
  play: 'play',
  /** Ready for the next round. */
  ready: 'ready',
} as const;

/** Server → client message names. */
export const SERVER_MSG = {
  /** Something the client sent was refused; nothing changed. */
  error: 'error',
  /** Something the player should be told: a partner left, a bot took over. */
  notice: 'notice',
  /**
   * A verdict on any move in the room, sent at once rather than with the next patch, to clients
   * that joined with `moveJudged: true`.
   */
  moveJudged: 'moveJudged',
  /** The end of a timed challenge: the player's own result (`ChallengeResultPayload`). */
  challengeResult: 'challengeResult',
} as const;

/** Payload of `play`. `role`, when given, must be the sender's own. */
export type PlayPayload = z.input<typeof playPayloadSchema>;
/** Payload of `ready`: nothing (an empty object is taken too). */
export type ReadyPayload = z.input<typeof readyPayloadSchema>;

/** Reply to `play`: the move as judged. */
export interface PlayReply {
  readonly move: MoveView;
}

/**
 * Payload of `moveJudged`: every judged move in the room (both roles, bots, missed deadlines),
 * for clients that asked for it; the player whose card it is gets it as the reply to `play`.
 */
export interface MoveJudgedPayload {
  readonly move: MoveView;
}

/** Why a message was refused. Each code has the text `error.<code>` in every language. */
export const ERROR_CODES = [
  'invalidPayload',
  'unknownMessage',
  'notYourRole',
  'rateLimited',
  'roundNotRunning',
  /** A card in the get-ready step, before the round's clock starts. */
  'roundNotStarted',
  'notSeated',
  'roomNotFound',
  // a room that exists but whose seat cannot be taken (PROTOCOL.md, "Coming back to a seat")
  'roomFull',
  'seatHeld',
  'seatExpired',
  'seatInOtherTab',
  'badNickname',
  'badOptions',
  'badPlayerId',
  'challengeOver',
  'badLeaderboardQuery',
  // classroom
  'notTeacher',
  'badTeacherSecret',
  'classLocked',
  'classFull',
  'classEnded',
  'classNotFound',
  /** This browser's student is in the class in another tab: a join here would take that tab's seat. */
  'classInOtherTab',
  'kicked',
  'unknownStudent',
  'noStudents',
  'noRoundsLeft',
  'roundRunning',
  'roundPaused',
  // round records
  'roundRecordNotFound',
  'notYourRound',
  // limits per client address (README, "Security")
  'tooManyAttempts',
  'tooManyRooms',
  'serverFull',
  /** This process is draining before a restart; a reverse proxy retries another (README, "Running it for many schools"). */
  'serverRestarting',
  /** The client sent another `PROTOCOL_VERSION` than the server's: the page is older (or newer) than the server. */
  'outdatedClient',
  /**
   * Never sent by the server: what `errorCodeOf` calls a request that got no answer (it timed
   * out, the connection was closed, the server failed), so a client never mistakes one for a refusal.
   */
  'noAnswer',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Payload of `error`, and the reason of a rejected request. */
export interface ErrorPayload {
  readonly code: ErrorCode;
}

/** Colyseus's matchmaking status when `joinById` names no room that can be joined. */
export const MATCHMAKE_ROOM_NOT_FOUND = 522;
/** Colyseus's matchmaking status when a reconnection token is no longer (or never was) valid. */
export const MATCHMAKE_EXPIRED = 524;

/**
 * The error code behind anything the SDK rejects with: a refused request (`err.name ===
 * 'rejected'`, our code in `err.reason.code`; a payload the room's schema refuses is one too,
 * `invalidPayload`), a request type the room has no handler for (Colyseus's own `no_handler`
 * error: `unknownMessage`), or a refused join (`MatchMakeError`: our code in its message, 522
 * for a code that names no open room, 524 for a reconnection token the room no longer takes).
 * Anything else (a timeout, a closed connection, a server fault) is `noAnswer`.
 */
export function errorCodeOf(error: unknown): ErrorCode {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; reason?: { code?: unknown } };
  const known = (c: unknown): c is ErrorCode => typeof c === 'string' && (ERROR_CODES as readonly string[]).includes(c);
  if (e.name === 'rejected' && known(e.reason?.code)) return e.reason.code;
  if (known(e.message)) return e.message;
  if (e.code === MATCHMAKE_ROOM_NOT_FOUND) return 'roomNotFound';
  if (e.code === MATCHMAKE_EXPIRED) return 'seatExpired';
  if (e.name === 'no_handler') return 'unknownMessage';
  return 'noAnswer';
}

/** Notices the server sends; each has the text `notice.<code>`. */
export const NOTICE_CODES = [
  'partnerLeft', 'partnerBack', 'botTookOver', 'botJoined',
  // classroom
  'roundPaused', 'roundResumed', 'roundEndedEarly', 'classEnded',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface NoticePayload {
  readonly code: NoticeCode;
  readonly nickname?: string;
}

/**
 * How often a seated room (pair, challenge) in which nothing changes still stamps `serverTime` on
 * a patch. Every change carries the time anyway; the stamp only keeps a recent sample of the
 * room's clock in each client (which keeps its samples for twice this). Each stamp is a frame to
 * every client, and at one a second they were one patch in seven of a busy server's, most of
 * them in the get-ready step's count-down (issue 21).
 */
export const CLOCK_SYNC_MS = 5000;

/** Phases of a pair room. */
export const PAIR_PHASES = ['waiting', 'playing', 'between', 'finished'] as const;
export type PairPhase = (typeof PAIR_PHASES)[number];

/*
 * The synchronised state of a pair room, as the client reads it. Times are in milliseconds on
 * the room's clock; `serverTime` is that clock at the last patch, so a client can line up its
 * own clock and animate segments between `sentAt` and `arriveAt`.
 */
export interface PlayerView {
  readonly sessionId: string;
  readonly nickname: string;
  readonly role: Role;
  readonly connected: boolean;
  readonly isBot: boolean;
  /** Points over the whole match (all rounds). */
  readonly total: number;
  readonly ready: boolean;
}

export interface EndpointView {
  readonly role: Role;
  readonly state: TcpState;
  readonly iss: number;
  /** SND.UNA: the oldest number sent and not yet acknowledged; a resent DATA starts here. */
  readonly sndUna: number;
  readonly sndNxt: number;
  readonly rcvNxt: number;
  /** -1 when the timer is not running. */
  readonly rtoAt: number;
  readonly timeWaitAt: number;
  /**
   * When the expected move must be made by. In a class's pair room it travels as `ownDeadlineAt`,
   * which only the endpoint's own player receives (a partner's is absent); the client's view of the
   * room (client/net/roomView.ts) puts whichever it has here, -1 when neither.
   */
  readonly deadlineAt: number;
  /** A class's pair room only, the endpoint's own player only: the deadline (-1 elsewhere). */
  readonly ownDeadlineAt: number;
  /**
   * A move is expected of this endpoint now (waiting is not right), in every difficulty and with
   * or without a deadline: a player the teacher made untimed in Expert has neither a deadline nor
   * a hint to tell them it is their move.
   */
  readonly moveDue: boolean;
  /**
   * From when the ★ hint (hintCards, hintKey) is shown: after a hesitation or at once after a
   * mistake; -1 when nothing is expected or never (Expert). Moves made from then on score less.
   */
  readonly hintAt: number;
  /** The RTO fired: this card must be sent again ('' when not). */
  readonly mustRetransmit: Card | '';
  /** Cards that would be right now, to show from `hintAt`; empty when waiting, and always empty in Expert. */
  readonly hintCards: readonly Card[];
  readonly hintKey: string;
  readonly skill: Skill | '';
  readonly points: number;
  readonly streak: number;
  readonly bestStreak: number;
  readonly correct: number;
  readonly mistakes: number;
}

export interface SegmentView {
  readonly id: number;
  readonly from: Role;
  readonly card: Card;
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
  readonly flags: string;
  readonly sentAt: number;
  /** -1 while the network holds it back. */
  readonly arriveAt: number;
  readonly status: 'flying' | 'delivered' | 'discarded' | 'lost';
  readonly old: boolean;
  readonly why: string;
}

/**
 * A judged move on the wire, one shape everywhere: the reply to `play`, a `moveJudged` message,
 * each of the state's `moves` (as a client's plain copy of the state reads it) and a challenge's
 * mistakes. `toMoveView` (shared/match/moveView.ts) makes it from the engine's `MoveRecord`.
 */
export interface MoveView {
  readonly at: number;
  readonly role: Role;
  /** '' for a missed deadline. */
  readonly card: Card | '';
  readonly verdict: MoveRecord['verdict'];
  /** A text key (`MessageKey`); one a client does not know is shown as it is. */
  readonly why: string;
  readonly points: number;
  /** The cards that would have been right. */
  readonly expected: readonly Card[];
  readonly skill: Skill;
  /** The player's state when the move was judged. */
  readonly state: TcpState;
  /** The segment the card sent; -1 when none was sent. */
  readonly segmentId: number;
  /** Made with the ★ hint showing (it scored less). */
  readonly hinted: boolean;
  /** Values for the placeholders of `why` (e.g. `expected`). */
  readonly params: Readonly<Record<string, number>>;
}

export interface StateLogView {
  readonly at: number;
  readonly role: Role;
  readonly state: TcpState;
}

export interface PairRoomView {
  readonly code: string;
  readonly mode: PairRoomMode;
  readonly phase: PairPhase;
  readonly difficulty: Difficulty;
  readonly speed: Speed;
  readonly lossRate: number;
  readonly round: number; // 1-based
  readonly rounds: number;
  /** A class's pair plays one round of the class's: which (1-based) and of how many; 0 outside a class. */
  readonly classRound: number;
  readonly classRounds: number;
  readonly scenarioId: ScenarioId | '';
  readonly roundStatus: RoundStatus;
  readonly serverTime: number;
  readonly roundStartedAt: number;
  /** When the round's clock starts; before it, the get-ready step (cards are refused). */
  readonly roundClockStartsAt: number;
  readonly roundEndsAt: number;
  readonly latencyMs: number;
  /** How long a dropped player's seat is kept for them to come back (RECONNECT_SECONDS). */
  readonly seatKeptSeconds: number;
  /** The teacher paused the class: the round's clock stands still and cards are refused. */
  readonly paused: boolean;
  readonly players: ReadonlyMap<string, PlayerView>;
  readonly endpoints: ReadonlyMap<Role, EndpointView>;
  readonly segments: readonly SegmentView[];
  readonly moves: readonly MoveView[];
  readonly stateLog: readonly StateLogView[];
  /** The last finished round's record, for its replay and capture file ('' before a round ends). */
  readonly recordId: string;
}

// The timed challenge's room, result and leaderboard route live in their own file.
export * from './challengeProtocol.ts';

// The classroom's room, commands, state and report routes live in their own file.
export * from './classroomProtocol.ts';
export * from './classAgainProtocol.ts';

// A finished round's replay and capture routes live in their own file.
export * from './roundRecordProtocol.ts';
