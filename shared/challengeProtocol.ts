/**
 * The timed challenge's part of the wire protocol: join options, the synchronised state, the
 * end result and the leaderboard route. Re-exported by protocol.ts, so clients import
 * everything from there; documented in server/PROTOCOL.md.
 */
import type { ChallengeSeats } from './challenge/run.ts';
import type { Role } from './match/cards.ts';
import type { Difficulty } from './match/settings.ts';
import type { MoveRecord } from './match/types.ts';
import type { MessageKey } from './i18n/messages.ts';
import type { MoveView, PairRoomView } from './protocol.ts';
import type { ScenarioId } from './scenarios/scenario.ts';
import type { z } from 'zod';
import type { challengeJoinOptionsSchema, leaderboardQuerySchema } from './validation.ts';

/** `daily`: today's seed (UTC), the same for everyone; `free`: a fresh seed, for practice. */
export const CHALLENGE_KINDS = ['daily', 'free'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

export const CHALLENGE_SEATS = ['solo', 'pair'] as const satisfies readonly ChallengeSeats[];

/**
 * A player's own id: random, made once by the client and kept (localStorage), so the
 * leaderboard knows a player again without an account. `crypto.randomUUID()` fits.
 */
export const PLAYER_ID = { min: 16, max: 64, pattern: '^[A-Za-z0-9_-]+$' } as const;

/** Options of `create('challenge', …)`; a partner joining a pair challenge sends only nickname and playerId. */
export type ChallengeJoinOptions = z.input<typeof challengeJoinOptionsSchema>;

/**
 * The round on screen, named exactly as in a pair room, so a client's match screen reads a
 * challenge room's state as it reads a pair room's. `round` is 1-based, `phase` is
 * `waiting` (a pair challenge waits for the partner), `playing` or `finished`.
 */
export type RoundView = Pick<PairRoomView,
  | 'code' | 'phase' | 'difficulty' | 'speed' | 'lossRate' | 'round' | 'scenarioId' | 'roundStatus' | 'serverTime'
  | 'roundStartedAt' | 'roundClockStartsAt' | 'roundEndsAt' | 'latencyMs' | 'seatKeptSeconds' | 'players' | 'endpoints' | 'segments' | 'moves' | 'stateLog'>;

/** The synchronised state of a challenge room: the round, plus the challenge around it. */
export interface ChallengeRoomView extends RoundView {
  readonly kind: ChallengeKind;
  readonly seats: ChallengeSeats;
  /** The UTC day (YYYY-MM-DD) the challenge started; a daily challenge's seed is this day's. */
  readonly day: string;
  /** The challenge's clock (room clock, ms); -1 before it starts. */
  readonly startedAt: number;
  readonly endsAt: number;
  /** Counted by the server from the people's judged moves, over all rounds. */
  readonly points: number;
  readonly roundsWon: number;
  readonly correct: number;
  readonly judged: number;
  readonly streak: number;
  readonly bestStreak: number;
  /** The roles people play this round; in solo the other one is the bot's. */
  readonly humanRoles: readonly Role[];
  readonly finished: boolean;
}

/** A wrong move, for the end screen: what was played, what was right, and why (a text key). */
export interface ChallengeMistake extends MoveView {
  readonly roundIndex: number;
  readonly scenarioId: ScenarioId;
  readonly verdict: Exclude<MoveRecord['verdict'], 'correct' | 'stale'>;
  /** Whether the person this result is sent to made it (false: their partner, in a pair). */
  readonly mine: boolean;
}

/**
 * Whether the result is on the leaderboard: `ranked` (stored), `practice` (a daily challenge
 * after the first one finished that day; not stored), `assisted` (a bot played a partner's
 * seat for part of it; not stored).
 */
/** `unsaved`: the server could not write the entry (its database unreachable); the score itself stands. */
export const CHALLENGE_STANDINGS = ['ranked', 'practice', 'assisted', 'unsaved'] as const;
export type ChallengeStanding = (typeof CHALLENGE_STANDINGS)[number];

/** The end-screen share line: `translate(locale, share.key, share.params)`. */
export interface ShareLine {
  readonly key: Extract<MessageKey, 'challenge.shareDaily' | 'challenge.shareFree'>;
  readonly params: { readonly day: string; readonly points: number; readonly accuracy: number };
}

/** Payload of `challengeResult`, sent to each person when the time is up. */
export interface ChallengeResultPayload {
  readonly kind: ChallengeKind;
  readonly day: string;
  readonly difficulty: Difficulty;
  readonly seats: ChallengeSeats;
  readonly points: number;
  /** Whole percent of judged moves that were correct. */
  readonly accuracy: number;
  readonly correct: number;
  readonly judged: number;
  readonly bestStreak: number;
  readonly roundsWon: number;
  readonly roundsPlayed: number;
  readonly standing: ChallengeStanding;
  /** The board these points rank on (daily: that day's; free: all-time) and their rank there (ties share it). */
  readonly board: Board;
  readonly rank: number;
  readonly boardSize: number;
  /** The first mistakes in order (at most `LEADERBOARD.mistakesShown`); `mistakeCount` counts all. */
  readonly mistakes: readonly ChallengeMistake[];
  readonly mistakeCount: number;
  /** Every round played, in order, each kept whole: its replay is `replayPath(recordId)`, its capture file `roundCapturePath`. */
  readonly rounds: readonly { readonly recordId: string; readonly scenarioId: ScenarioId }[];
  readonly share: ShareLine;
}

// ---- the leaderboard route ----------------------------------------------------------------------

export const BOARDS = ['daily', 'all'] as const;
export type Board = (typeof BOARDS)[number];

export const LEADERBOARD = { path: '/api/leaderboard', top: 100, mistakesShown: 50 } as const;

/** Query of `GET /api/leaderboard`; `day` defaults to today (UTC), `seats` to solo, no `difficulty` = all. */
export type LeaderboardQuery = z.input<typeof leaderboardQuerySchema>;

/** One line of a board. Player ids are never sent: they are what a client proves itself with. */
export interface LeaderboardRow {
  readonly rank: number;
  readonly nickname: string;
  readonly points: number;
  readonly accuracy: number;
  readonly bestStreak: number;
  readonly roundsWon: number;
  readonly kind: ChallengeKind;
  readonly difficulty: Difficulty;
  readonly seats: ChallengeSeats;
  readonly day: string;
  /** When the entry was stored, epoch ms. */
  readonly at: number;
}

export interface LeaderboardReply {
  readonly board: Board;
  /** The daily board's day; null for all-time. */
  readonly day: string | null;
  readonly difficulty: Difficulty | null;
  readonly seats: ChallengeSeats;
  /** How many players are on the board. */
  readonly size: number;
  readonly top: readonly LeaderboardRow[];
  /** The asking player's line (`player=`), wherever it ranks; null when not on the board. */
  readonly you: LeaderboardRow | null;
}
