import type { Role } from './cards.ts';
import type { TimeAllowance } from './timeAllowance.ts';

/** How much the player has to get right (DESIGN.md §2 "Difficulty"). */
export const DIFFICULTIES = ['flags', 'numbers', 'expert'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** How fast the simulated network and timers run, for people. */
export const SPEEDS = ['slow', 'normal', 'fast'] as const;
export type Speed = (typeof SPEEDS)[number];

/** The clock of a round, in milliseconds. */
export interface Timing {
  readonly latencyMs: number; // one way
  readonly rtoMs: number;
  readonly mslMs: number; // TIME-WAIT lasts 2 × MSL
  readonly deadlineMs: number; // to make an expected move
  /** A player who hesitates this long after a move became expected is shown the ★ hint. */
  readonly hintAfterMs: number;
}

/** Everything a round is played with besides its scenario. */
export interface MatchSettings {
  readonly difficulty: Difficulty;
  readonly speed: Speed;
  /** Random loss of any segment, 0 to MAX_LOSS_RATE. */
  readonly lossRate: number;
  readonly timing: Timing;
  /** Extra time or no deadline for a player (timeAllowance.ts); absent for everyone's usual. */
  readonly allowances?: Readonly<Partial<Record<Role, TimeAllowance>>>;
}

export const MAX_LOSS_RATE = 0.3;

/*
 * DESIGN.md suggests RTO 2.5 s and MSL 1.5 s. The peer of a segment here is a person, who
 * answers in a second or two, not a kernel that answers at once. An RTO must outlast a round
 * trip plus that answer, or every timely SYN+ACK comes after the SYN's timer has fired: with
 * 2.5 s and 0.8 s each way a peer had 0.9 s, less than the bots' 1.2 s. We use 4 s (2.4 s to
 * answer). TIME-WAIT (2 MSL) must in turn outlast an RTO plus a person's reaction plus a round
 * trip, or a retransmitted FIN would always find the endpoint CLOSED and the lesson of
 * scenario 8 could never be seen: MSL 5 s.
 */
const NORMAL: Timing = { latencyMs: 800, rtoMs: 4000, mslMs: 5000, deadlineMs: 6000, hintAfterMs: 4000 };
const SPEED_FACTOR: Record<Speed, number> = { slow: 1.5, normal: 1, fast: 0.6 };
const DEADLINE_MS: Record<Difficulty, number> = { flags: 6000, numbers: 9000, expert: 2500 };

/** Timing for a difficulty and speed; numbers take longer to type, experts get less. */
export function timingFor(difficulty: Difficulty, speed: Speed): Timing {
  const f = SPEED_FACTOR[speed];
  return {
    latencyMs: Math.round(NORMAL.latencyMs * f),
    rtoMs: Math.round(NORMAL.rtoMs * f),
    mslMs: Math.round(NORMAL.mslMs * f),
    deadlineMs: DEADLINE_MS[difficulty],
    // A hesitation is the player's, not the network's: the same at every speed.
    hintAfterMs: NORMAL.hintAfterMs,
  };
}

/** Settings with the defaults filled in; experts get random loss unless told otherwise. */
export function makeSettings(p: { difficulty?: Difficulty; speed?: Speed; lossRate?: number } = {}): MatchSettings {
  const difficulty = p.difficulty ?? 'flags';
  const speed = p.speed ?? 'normal';
  const lossRate = Math.min(MAX_LOSS_RATE, Math.max(0, p.lossRate ?? (difficulty === 'expert' ? 0.1 : 0)));
  return { difficulty, speed, lossRate, timing: timingFor(difficulty, speed) };
}

/** Whether the player types seq and ack numbers. */
export function playsNumbers(difficulty: Difficulty): boolean {
  return difficulty !== 'flags';
}

/** Whether the expected card is ever highlighted (after a mistake or a hesitation; never in Expert). */
export function showsHints(difficulty: Difficulty): boolean {
  return difficulty !== 'expert';
}
