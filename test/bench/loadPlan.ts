/**
 * What the bench asks of the load generators, and what they answer, over the IPC channel
 * between run.ts and each loadGenerator.ts process. Plain data both ways (typed arrays too:
 * the channel uses V8's serialization).
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
  /** A soak's slices: latencies are also summarised per slice of this long (LoadResult.slices). */
  readonly sliceMs?: number;
}

export interface PairLoadPlan extends Window {
  readonly kind: 'pairs';
  readonly url: string;
  /**
   * A second process of the same cluster (sharing Redis): every other pair is created through
   * it, and each pair's second player asks the process its first did not, as behind a load balancer.
   */
  readonly alsoUrl?: string;
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

/**
 * The bare-Colyseus floor (issue 21.1): pairs of the same SDK clients in the server's bench-only
 * room with no game (server/rooms/bench/BareRoom.ts), each sending cards at the game run's
 * measured rate and waiting for the fixed verdict, as a player waits for theirs.
 */
export interface BareLoadPlan extends Window {
  readonly kind: 'bare';
  readonly url: string;
  readonly pairs: number;
  /** Cards per second per client; the game run's measured request rate. */
  readonly perConnectionPerSecond: number;
  /** Bytes of state each card changes (BareRoomOptions). */
  readonly patchBytes: number;
  /** How long after it is played each card lands, 0 for never (BareRoomOptions). */
  readonly landingMs: number;
  /** The share of cards that land (BareRoomOptions); 1 when absent. */
  readonly landingShare?: number;
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

export type LoadPlan = PairLoadPlan | EchoLoadPlan | BareLoadPlan | ClassroomLoadPlan;

/** One process's part of a plan, when several load generators share one measurement (loadShards.ts). */
export interface ShardPart {
  /** Which process this is, from 0. */
  readonly index: number;
  /** The whole measurement's index of this process's first pair, connection or student: seeds and nicknames stay distinct. */
  readonly firstIndex: number;
  /** Classroom: the class to join; null for the one process that creates it and holds the teacher. */
  readonly classCode: string | null;
}

/** A plan as one load generator gets it: its own count of pairs, connections or students, and which part it is. */
export type Sharded<P extends LoadPlan> = P & { readonly shard: ShardPart };
export type ShardPlan = Sharded<PairLoadPlan> | Sharded<EchoLoadPlan> | Sharded<BareLoadPlan> | Sharded<ClassroomLoadPlan>;

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

/** A class run's counts in one process, before they are merged into ClassroomTallyFigures. */
export interface ClassTallyCounts {
  readonly studentsJoined: number;
  readonly roundsStarted: number;
  readonly seatsTaken: number;
  readonly teacherPatches: number;
  readonly startRefusals: Readonly<Record<string, number>>;
}

/** What a pair or class run counts in one process about the plays themselves. */
export interface PlayCounts {
  readonly correct: number;
  readonly judged: number;
  readonly roundsFinished: number;
  readonly rematches: number;
  readonly refusals: Readonly<Record<string, number>>;
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
  /** State patch bytes every client received in the window, per reply: what the bare floor's patches must match. 0 for the echo floor. */
  readonly patchBytesPerReply: number;
  /** State patches every client received in the window, per reply: how many writes the server made per card beside the verdict. */
  readonly patchFramesPerReply: number;
  /** Pairs only: share of plays judged correct, refusals by code, rounds finished, matches finished. */
  readonly correctShare?: number;
  readonly refusals?: Readonly<Record<string, number>>;
  readonly roundsFinished?: number;
  readonly rematches?: number;
  /** Classroom only. */
  readonly classroom?: ClassroomTallyFigures;
  readonly trouble: ClientTrouble;
  /** The load generators' own health: if one is saturated, its latencies are its own. */
  readonly loadgen: LoadgenFigures;
  /** With `sliceMs`: the latencies of the requests sent in each slice of the window. */
  readonly slices?: readonly LatencySummary[];
}

/** One load generator process's health over the window. */
export interface LoadgenHealth {
  /** % of one core. */
  readonly cpuPercent: number;
  readonly eventLoopDelayP99Ms: number;
}

/**
 * The load generators' health. Each process has one event loop, so saturation is per process:
 * `cpuPercent` and `eventLoopDelayP99Ms` are the worst process's, and what the saturation caveat reads.
 */
export interface LoadgenFigures extends LoadgenHealth {
  /** How many processes shared the load. */
  readonly processes: number;
  /** All of them together, % of one core: what the bench itself took from the machine. */
  readonly totalCpuPercent: number;
  readonly perProcess: readonly LoadgenHealth[];
}

/** One process's raw figures; the parent merges every process's into one LoadResult (loadMerge.ts). */
export interface ShardResult extends Pick<LoadResult, 'kind' | 'connections' | 'connectMs' | 'measuredMs' | 'trouble'> {
  /** Every latency of the window in ms, so percentiles are taken over all processes' samples together. */
  readonly latencies: Float64Array;
  /** When each of those requests was sent, in ms from the window's start (the same order). */
  readonly sentAt: Float64Array;
  readonly replies: number;
  readonly requests: number;
  /** State patch bytes received in the window, by every client of the process. */
  readonly patchBytes: number;
  /** State patches (frames) received in the window, by every client of the process. */
  readonly patchFrames: number;
  /** Pairs and classroom only. */
  readonly plays?: PlayCounts;
  /** Classroom only. */
  readonly classroom?: ClassTallyCounts;
  readonly loadgen: LoadgenHealth;
}

/**
 * From the parent to a load generator: first its plan; once every process has connected, the
 * window, as wall-clock times (Date.now()) so that every process measures over the same instants.
 */
export type LoadCommand =
  | { readonly type: 'plan'; readonly plan: ShardPlan }
  | { readonly type: 'window'; readonly startAt: number; readonly endAt: number };

export type LoadEvent =
  /** Classroom: the process holding the teacher has created the class; the others join it by this code. */
  | { readonly type: 'class'; readonly code: string }
  | { readonly type: 'connected'; readonly connections: number; readonly ms: number }
  | { readonly type: 'result'; readonly result: ShardResult }
  | { readonly type: 'failed'; readonly message: string };
