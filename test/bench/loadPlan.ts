/**
 * What the bench asks of the load generator, and what it answers, over the IPC channel
 * between run.ts and loadGenerator.ts. Plain data both ways.
 */
import type { LatencySummary } from './stats.ts';

/** How a load client plays, as data. Times in milliseconds; pairs are [min, max]. */
export interface PlayPolicy {
  /** From a hint appearing to playing it, like a person reading the card. */
  readonly reactionMs: readonly [number, number];
  /** Never two cards closer than this: about one card per second per client. */
  readonly minGapMs: number;
  /** With nothing to play for this long, a client guesses a card (judged wrong). */
  readonly idleGuessMs: readonly [number, number];
}

/** About one card per second per client, mostly the hinted card, sometimes an impatient guess. */
export const ONE_CARD_A_SECOND: PlayPolicy = { reactionMs: [150, 450], minGapMs: 850, idleGuessMs: [1000, 1500] };

/** When the measurement starts and how long it lasts, after every client has connected. */
export interface Window {
  readonly warmupMs: number;
  readonly measureMs: number;
}

export interface PairLoadPlan extends Window {
  readonly kind: 'pairs';
  readonly url: string;
  readonly pairs: number;
  /** Private rooms (create + joinById) or quick match (joinOrCreate). */
  readonly mode: 'private' | 'quick';
  readonly lossRate: number;
  readonly connectConcurrency: number;
  readonly policy: PlayPolicy;
  readonly seed: number;
}

export interface EchoLoadPlan extends Window {
  readonly kind: 'echo';
  readonly url: string;
  readonly connections: number;
  /** Messages per second per connection; the game run's measured request rate. */
  readonly perConnectionPerSecond: number;
  readonly payloadBytes: number;
  readonly connectConcurrency: number;
  readonly seed: number;
}

/** One class: a teacher and `students` students, who play their pair rooms round after round. */
export interface ClassroomLoadPlan extends Window {
  readonly kind: 'classroom';
  readonly url: string;
  readonly students: number;
  readonly lossRate: number;
  readonly connectConcurrency: number;
  readonly policy: PlayPolicy;
  readonly seed: number;
}

export type LoadPlan = PairLoadPlan | EchoLoadPlan | ClassroomLoadPlan;

/** What only a class run counts: its rounds, seats and the teacher's view of the leaderboard. */
export interface ClassroomTallyFigures {
  readonly studentsJoined: number;
  readonly roundsStarted: number;
  readonly seatsTaken: number;
  /** State patches the teacher's screen received in the window (the live leaderboard among them). */
  readonly teacherPatchesPerSecond: number;
  /** Refusals of the teacher's startRound, by code (noRoundsLeft: the class ran out of rounds). */
  readonly startRefusals: Readonly<Record<string, number>>;
}

/** What went wrong on the client side over the whole run (connecting, playing, leaving). */
export interface ClientTrouble {
  readonly joinFailures: number;
  /** Room errors (`onError`) and requests that failed without a protocol reply (timeouts, closed sockets). */
  readonly errors: number;
  /** Connections the server closed or lost before the bench left. */
  readonly disconnects: number;
  /** A few messages, to tell one problem from another. */
  readonly examples: readonly string[];
}

export interface LoadResult {
  readonly kind: LoadPlan['kind'];
  readonly connections: number;
  readonly connectMs: number;
  readonly measuredMs: number;
  /** Card → verdict (pairs) or message → echo (floor), over the measured window. */
  readonly latency: LatencySummary;
  /** Replies in the window per second (verdicts for pairs, echoes for the floor). */
  readonly repliesPerSecond: number;
  /** Everything each client sent per second in the window (plays and readies), for the floor to copy. */
  readonly requestsPerConnectionPerSecond: number;
  /** Pairs only: share of plays judged correct, refusals by code, rounds finished, matches finished. */
  readonly correctShare?: number;
  readonly refusals?: Readonly<Record<string, number>>;
  readonly roundsFinished?: number;
  readonly rematches?: number;
  /** Classroom only. */
  readonly classroom?: ClassroomTallyFigures;
  readonly trouble: ClientTrouble;
  /** The load generator's own health: if it is saturated, its latencies are its own. */
  readonly loadgen: { readonly cpuPercent: number; readonly eventLoopDelayP99Ms: number };
}

export type LoadEvent =
  | { readonly type: 'connected'; readonly connections: number; readonly ms: number }
  | { readonly type: 'windowStart' }
  | { readonly type: 'windowEnd' }
  | { readonly type: 'result'; readonly result: LoadResult }
  | { readonly type: 'failed'; readonly message: string };
