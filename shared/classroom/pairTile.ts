/**
 * A pair of a class round in a few numbers, for the teacher's tiles: each side's TCP state, how
 * far the round has come, and two marks a teacher acts on (a pair that is stuck, a pair that keeps
 * getting it wrong). Pure: the pair room computes it from its match and its own clock, and sends
 * it only when it changed.
 */
import { STEADY_BOT } from '../bots/bot.ts';
import { playOut } from '../bots/playOut.ts';
import type { MatchState, MoveRecord } from '../match/types.ts';
import type { TcpState } from '../tcp/states.ts';

/** No right move for this long while the round's clock runs: the pair is stuck. */
export const STUCK_AFTER_MS = 15_000;
/** This many misjudged moves in a row by one side (wrong card, wrong numbers, too slow) is a streak. */
export const MISTAKE_STREAK = 3;

/** Where a pair is: before its round, playing it, or done (won, or its time ran out). */
export type TileStatus = 'waiting' | 'playing' | 'won' | 'timeUp';

/** What a pair room reports of itself; the class adds the nicknames it already knows. */
export interface PairTileSummary {
  readonly status: TileStatus;
  readonly clientState: TcpState;
  readonly serverState: TcpState;
  /** Right moves so far, both sides together. */
  readonly right: number;
  /** 0–100: right moves against those a flawless pair makes in this round; 100 once won. */
  readonly progress: number;
  /** The longest run of misjudged moves at the end of one side's moves. */
  readonly streak: number;
  /** `streak` has reached MISTAKE_STREAK. */
  readonly struggling: boolean;
  /** No right move for STUCK_AFTER_MS of the round's clock. */
  readonly stuck: boolean;
}

/**
 * How many right moves the round ends with if a flawless pair plays it from `from` on (two steady
 * bots play it out; the right moves already made count).
 */
export function stepsOfRound(from: MatchState): number {
  const { state } = playOut(from, { client: STEADY_BOT, server: STEADY_BOT });
  return Math.max(1, state.moves.filter((m) => m.verdict === 'correct').length);
}

function misjudged(m: MoveRecord): boolean {
  return m.verdict === 'wrongCard' || m.verdict === 'wrongNumbers' || m.verdict === 'missedDeadline';
}

/** Misjudged moves at the end of one role's moves (a stale card neither breaks nor lengthens a run). */
function trailingStreak(moves: readonly MoveRecord[], role: MoveRecord['role']): number {
  let run = 0;
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i]!;
    if (m.role !== role || m.verdict === 'stale') continue;
    if (!misjudged(m)) break;
    run++;
  }
  return run;
}

/** The tile of a pair whose match is `match` at match time `now`; `steps` is `stepsOfRound` of its start. */
export function tileOf(match: MatchState, steps: number, now: number): PairTileSummary {
  const right = match.moves.filter((m) => m.verdict === 'correct');
  const streak = Math.max(trailingStreak(match.moves, 'client'), trailingStreak(match.moves, 'server'));
  const status: TileStatus = match.status !== 'playing' ? match.status : now < match.clockStartsAt ? 'waiting' : 'playing';
  const lastRight = right.at(-1)?.at ?? match.clockStartsAt;
  const progress = match.status === 'won' ? 100 : Math.min(99, Math.floor((right.length * 100) / Math.max(1, steps)));
  return {
    status, clientState: match.endpoints.client.tcb.state, serverState: match.endpoints.server.tcb.state, right: right.length,
    progress, streak, struggling: streak >= MISTAKE_STREAK,
    stuck: status === 'playing' && now - Math.max(lastRight, match.clockStartsAt) >= STUCK_AFTER_MS,
  };
}

/** Whether two summaries show the same thing (a report is sent only when they do not). */
export function sameTile(a: PairTileSummary | null, b: PairTileSummary): boolean {
  return a !== null && (Object.keys(b) as (keyof PairTileSummary)[]).every((k) => a[k] === b[k]);
}
