/**
 * The classroom's part of the wire protocol: how a teacher creates a class and comes back to
 * it, how students join, the teacher's commands, what the class room sends, its synchronised
 * state, and the report routes. Re-exported by protocol.ts, so clients import everything from
 * there; documented in server/PROTOCOL.md.
 */
import type { PairTileSummary } from './classroom/pairTile.ts';
import type { StepTally } from './classroom/stepTally.ts';
import type { Role } from './match/cards.ts';
import type { Skill } from './match/types.ts';
import type { TimeAllowance } from './match/timeAllowance.ts';
import type { MisconceptionCount } from './reports/misconceptions.ts';
import type { Locale, MessageKey } from './i18n/messages.ts';
import type { ScenarioId } from './scenarios/scenario.ts';
import type { z } from 'zod';
import type {
  classroomCreateOptionsSchema, classSettingsPatchSchema, classSettingsSchema, kickPayloadSchema, lockPayloadSchema,
  studentJoinOptionsSchema, teacherJoinOptionsSchema, timeAllowancePayloadSchema, watchPairPayloadSchema,
} from './validation.ts';

/**
 * A seat reservation as Colyseus's matchmaker hands it out, passed to the SDK untouched. Written
 * out here, the shape it has on the wire, because shared/ imports no framework.
 */
export interface SeatReservation {
  readonly name: string;
  readonly sessionId: string;
  readonly roomId: string;
  readonly publicAddress?: string;
  readonly processId?: string;
  readonly reconnectionToken?: string;
  readonly devMode?: boolean;
}

/** Limits of a class, shared by the teacher's forms and the server's validation. */
export const CLASS_LIMITS = {
  studentsMax: 200,
  /** Teacher screens open at once (e.g. a laptop and the projector). */
  teachersMax: 5,
  /** A round may be cut shorter than its scenario's own limit; 0 means "the scenario's". */
  roundSecondsMin: 20,
  roundSecondsMax: 900,
  /** The teacher's secret and a student's token: 256 random bits, base64url. */
  secretMin: 32,
  secretMax: 64,
  studentIdMax: 64,
} as const;

/** The web client's page that joins a class: the join link and its QR code point here. */
export const CLASS_JOIN_PATH = '/class/';

/** The path of the page that joins class `code`. */
export function classJoinPath(code: string): string {
  return `${CLASS_JOIN_PATH}${code}`;
}

/** How every round of a class is played; the teacher may change it between rounds. */
export type ClassSettings = z.output<typeof classSettingsSchema>;

/** `client.create('classroom', …)`: the creator is the class's teacher. */
export type ClassroomCreateOptions = z.input<typeof classroomCreateOptionsSchema>;

/** `client.joinById(code, …)` by the teacher coming back (a reload, another screen). */
export type TeacherJoinOptions = z.input<typeof teacherJoinOptionsSchema>;

/** `client.joinById(code, …)` by a student; `token` (from `studentWelcome`) keeps who they are. */
export type StudentJoinOptions = z.input<typeof studentJoinOptionsSchema>;

/** The teacher's commands (requests; the reply is `{}` or a rejection with an error code). */
export const TEACHER_MSG = {
  /** `Partial<ClassSettings>`: applies from the next round. */
  settings: 'classSettings',
  /** `{ locked }`: a locked class refuses new students (students already in may come back). */
  lock: 'lockClass',
  /** `{ studentId }`: removes the student for good. */
  kick: 'kickStudent',
  /** Starts the next round (the first from the lobby, the following one from the review). */
  startRound: 'startRound',
  pause: 'pauseRound',
  resume: 'resumeRound',
  /** Ends the running round now; every pair's result so far counts. */
  endRound: 'endRound',
  /** Ends the class: no more rounds or joins; the report stays available. */
  endClass: 'endClass',
  /**
   * `{ studentId, allowance }`: extra time or no deadline for a student, from the next round.
   * Only teacher screens see who has one (`timeAllowances`); nothing else the class receives shows it.
   */
  timeAllowance: 'timeAllowance',
  /**
   * `{ pairCode }`: a seat to watch one pair of the running round (its ladder on the projector).
   * The reply is `WatchPairReply`; the watcher sees the pair room's state and plays nothing.
   */
  watchPair: 'watchPair',
} as const;

export type WatchPairPayload = z.input<typeof watchPairPayloadSchema>;

/** A watcher's seat in the pair room: pass `reservation` to `client.consumeSeatReservation`. */
export interface WatchPairReply {
  readonly reservation: SeatReservation;
}

/** What the class room sends besides `error` and `notice` (SERVER_MSG). */
export const CLASS_MSG = {
  /** To the creator only, once: keep the secret (it is the teacher's only key). */
  teacherWelcome: 'teacherWelcome',
  /** To a student at every join: keep the token to come back as the same student. */
  studentWelcome: 'studentWelcome',
  /** To a student when a round starts: their pair room seat. */
  seat: 'seat',
} as const;

export interface TeacherWelcomePayload {
  readonly code: string;
  readonly secret: string;
}

export interface StudentWelcomePayload {
  readonly studentId: string;
  readonly nickname: string;
  readonly token: string;
}

/**
 * A seat in this round's pair room: pass `reservation` to `client.consumeSeatReservation`.
 * The pair room is an ordinary pair room (PairRoomView) with `mode: 'class'` and one round.
 */
export interface SeatPayload {
  readonly round: number;
  readonly pairCode: string;
  readonly role: Role;
  /** The partner's nickname; '' when a bot is the partner. */
  readonly partner: string;
  readonly reservation: SeatReservation;
}

export type LockPayload = z.input<typeof lockPayloadSchema>;
export type KickPayload = z.input<typeof kickPayloadSchema>;

/** `TEACHER_MSG.timeAllowance`. */
export type TimeAllowancePayload = z.input<typeof timeAllowancePayloadSchema>;
/** `classSettings`: any of the settings; the rest stay as they are. */
export type ClassSettingsPatch = z.input<typeof classSettingsPatchSchema>;

/** Phases of a class; `paused` is a separate flag of a running round. */
export const CLASS_PHASES = ['lobby', 'playing', 'review', 'ended'] as const;
export type ClassPhase = (typeof CLASS_PHASES)[number];

/** A student on the roster; kicked students are removed. */
export interface StudentView {
  readonly id: string;
  readonly nickname: string;
  readonly connected: boolean;
  /** This round's pair room, '' outside a round or when not paired (joined mid-round). */
  readonly pairCode: string;
  readonly role: Role | '';
  /** The partner's nickname; '' for a bot. */
  readonly partner: string;
  /** In the pair room now (false before taking the seat, and after leaving it). */
  readonly seated: boolean;
  /** A bot plays this student's seat (they never came, or left). */
  readonly botPlays: boolean;
}

/** A row of the live leaderboard, best first. */
export interface StandingView {
  readonly studentId: string;
  readonly nickname: string;
  /** Equal scores share a rank (1, 2, 2, 4). */
  readonly rank: number;
  readonly points: number;
  /** `accuracyPercent`: a whole percentage, rounded down; 0 before any move (correct + mistakes + missed is 0). */
  readonly accuracy: number;
  readonly correct: number;
  readonly mistakes: number;
  readonly missed: number;
}

/** A mistake the class made, with the text key of its explanation. */
export interface MistakeView {
  readonly skill: Skill;
  readonly why: MessageKey;
  readonly count: number;
}

/** How the class did on one kind of move. */
export interface SkillView {
  readonly skill: Skill;
  readonly correct: number;
  readonly wrong: number;
  /** `accuracyPercent` of correct and wrong. */
  readonly accuracy: number;
}

/**
 * One pair of the running round as the teacher's tiles show it: the pair room's own summary
 * (shared/classroom/pairTile.ts, sent at most twice a second and only when it changed) and the
 * two nicknames the class already knows ('' for a bot).
 */
export interface PairTileView extends PairTileSummary {
  readonly pairCode: string;
  readonly client: string;
  readonly server: string;
}

/** One step's right, wrong and late answers in the last finished round (shared/classroom/stepTally.ts). */
export type StepTallyView = StepTally;

export interface ClassroomView {
  readonly code: string;
  readonly phase: ClassPhase;
  readonly paused: boolean;
  readonly locked: boolean;
  /** The current or last round, 1-based; 0 before the first. */
  readonly round: number;
  readonly scenarioId: ScenarioId | '';
  readonly settings: ClassSettings;
  /**
   * The class clock, for the projector's count-down (ms on the class room's clock, -1 until a
   * pair of the round is seated and after the round): the get-ready ends at `clockStartsAt`, the
   * EARLIEST pair's (the count-down starts with the first pair that plays), and the round's time
   * runs out at `clockEndsAt`, the LATEST pair's (the projector never says "time's up" while a
   * pair still plays). Both move on by the length of a pause, as every pair's clock does.
   */
  readonly clockStartsAt: number;
  readonly clockEndsAt: number;
  /** The class room's clock when the class clock last changed (or was paused), to line a screen's clock up with it. */
  readonly serverTime: number;
  /** Pairs of this round that have not finished yet. */
  readonly pairsPlaying: number;
  readonly students: ReadonlyMap<string, StudentView>;
  /**
   * Every student, ranked by the rounds the class has finished: it stands still while a round
   * is played and moves when the round is over (and as students join, leave or are renamed).
   */
  readonly leaderboard: readonly StandingView[];
  /**
   * The same, re-ranked as pairs play (at most once a second); sent to the teacher's screens
   * only, so it is empty for a student.
   */
  readonly liveLeaderboard: readonly StandingView[];
  /**
   * Student id → `extra` or `untimed` for students the teacher gave more time (absent: the
   * usual); sent to the teacher's screens only, so it is empty for a student.
   */
  readonly timeAllowances: ReadonlyMap<string, Exclude<TimeAllowance, 'normal'>>;
  /** The last finished round's most common mistakes, most frequent first. */
  readonly mistakes: readonly MistakeView[];
  /** The last finished round, per kind of move, in teaching order. */
  readonly skills: readonly SkillView[];
  /** The last finished round's answers per step, in teaching order: the chart between rounds. */
  readonly steps: readonly StepTallyView[];
  /** The scenario the next round will play; '' when no round is left. */
  readonly nextScenarioId: ScenarioId | '';
  /**
   * Every pair of the running round, in pairing order; sent to the teacher's screens only (empty
   * for a student), and kept after the round until the next one starts.
   */
  readonly tiles: readonly PairTileView[];
}

/** The header that carries the teacher's secret to the report routes (never the URL). */
export const TEACHER_SECRET_HEADER = 'x-teacher-secret';

/** `GET /api/classes/:code/report` (JSON) and `…/report.csv`. */
export const classReportPath = (code: string, format: 'json' | 'csv' = 'json'): string =>
  `/api/classes/${code}/report${format === 'csv' ? '.csv' : ''}`;

/** `GET /api/classes/:code/qr.svg`: the join link as a QR code. */
export const classQrPath = (code: string): string => `/api/classes/${code}/qr.svg`;

/** One student in the report: their leaderboard row, and what the report adds to it. */
export interface StudentReport extends StandingView {
  readonly roundsPlayed: number;
  /** Right moves made with the ★ hint showing (they score less). */
  readonly hinted: number;
  /** Accuracy per kind of move, in teaching order; kinds never met are left out. */
  readonly skills: readonly SkillView[];
  readonly commonMistakes: readonly MistakeView[];
  /** What the student's wrong moves reveal, most frequent first (`students` is 1). */
  readonly misconceptions: readonly MisconceptionCount[];
}

/** The class report, built from the database (it survives a server restart). */
export interface ClassReport {
  readonly code: string;
  readonly locale: Locale;
  readonly createdAt: number;
  /** null while the class goes on. */
  readonly endedAt: number | null;
  /** `interrupted`: the server stopped during the round (a crash); its results may be missing. */
  readonly rounds: readonly { readonly roundNo: number; readonly scenarioId: ScenarioId; readonly interrupted: boolean }[];
  readonly students: readonly StudentReport[];
  /** The whole class's most common mistakes. */
  readonly commonMistakes: readonly MistakeView[];
  /** What the class's wrong moves reveal, most widespread first. */
  readonly misconceptions: readonly MisconceptionCount[];
  /** Each pair's round, kept whole, in round order: its replay (`replayPath(recordId, code)`) and capture file. */
  readonly pairRounds: readonly PairRoundView[];
}

/** One pair's round in the class report: who played each end ('' for a bot) and how it ended. */
export interface PairRoundView {
  readonly recordId: string;
  readonly roundNo: number;
  readonly scenarioId: ScenarioId;
  readonly nicknames: Readonly<Record<Role, string>>;
  readonly status: 'won' | 'timeUp';
}
