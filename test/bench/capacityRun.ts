/**
 * Capacity (issue 21.4): the highest level at which p99 card → verdict stays under 50 ms with
 * no client error or disconnect, found by stepping the pairs up (1,000, 1,250, 1,500, 2,000 by
 * default) with the same server, clients and load generators (nice 19, on the same cores) as
 * the ramp. Each step is a fresh server. Stepping stops at the first step that fails: more
 * pairs would only fail more, and a later step passing by luck must not count, so capacity is
 * the last step before the first failure.
 *
 * The bare-Colyseus floor is stepped the same way beside ours, on until it fails too (or the
 * steps end): its capacity is what this machine, with its load generators on the same cores,
 * can carry at all, so a target above it is the machine's limit, not ours.
 */
import { ROOM } from '../../shared/protocol.ts';
import { gameTarget } from './benchTarget.ts';
import { measure, runBare, type ServerFigures } from './levelRun.ts';
import { ONE_CARD_A_SECOND, type LoadResult } from './loadPlan.ts';
import { MEMORY_PROBE_NODE_ARGS } from './memoryReading.ts';
import type { BenchOptions } from './options.ts';
import { TARGETS } from './targets.ts';

/** One measurement at a step, ours or the bare floor's. */
export interface CapacityRun {
  readonly game: LoadResult;
  readonly server: ServerFigures;
  readonly passes: boolean;
  /** Why the run fails; empty when it passes. */
  readonly misses: readonly string[];
}

export interface CapacityStep {
  readonly pairs: number;
  /** null: not run, a lower step having failed. */
  readonly ours: CapacityRun | null;
  /** The bare-Colyseus floor; null once it has failed, or for a server on another machine. */
  readonly bare: CapacityRun | null;
}

export interface CapacityFigures {
  readonly steps: readonly CapacityStep[];
  /** The highest step before our first failing one; null if the first failed. */
  readonly capacityPairs: number | null;
  /** The same for the bare-Colyseus floor; null if its first step failed or it was not run. */
  readonly bareCapacityPairs: number | null;
}

/** Why a step at `pairs` fails the capacity test: p99 at or over the target, clients missing, any client trouble. */
export function capacityMisses(pairs: number, game: Pick<LoadResult, 'latency' | 'connections' | 'trouble'>): string[] {
  const misses: string[] = [];
  if (!(game.latency.p99 < TARGETS.p99Ms)) misses.push(`p99 ${game.latency.p99} ms ≥ ${TARGETS.p99Ms} ms`);
  if (game.connections < pairs * 2) misses.push(`only ${game.connections} of ${pairs * 2} clients connected`);
  const t = game.trouble;
  if (t.joinFailures + t.errors + t.disconnects > 0) misses.push(`client trouble: ${t.joinFailures} failed joins, ${t.errors} errors, ${t.disconnects} disconnects`);
  return misses;
}

/** The last passing step before the first failing one, steps in the order run (ascending). */
export function capacityOf(steps: readonly { readonly pairs: number; readonly passes: boolean }[]): number | null {
  let capacity: number | null = null;
  for (const step of steps) {
    if (!step.passes) break;
    capacity = step.pairs;
  }
  return capacity;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTLE_MS = 1500;

/** What measures one step: ours, and the bare floor at the rate and patch size of a game run (null: not run here). */
export interface CapacityRunners {
  readonly ours: (pairs: number, options: BenchOptions) => Promise<CapacityRun>;
  readonly bare: (pairs: number, options: BenchOptions, game: LoadResult) => Promise<CapacityRun | null>;
}

/** Steps up through `options.capacitySteps` until ours fails, and the bare floor on until it fails too. */
export async function stepCapacity(options: BenchOptions, run: CapacityRunners = { ours: runOurs, bare: runBareStep }): Promise<CapacityFigures> {
  const steps: CapacityStep[] = [];
  let lastGame: LoadResult | null = null;
  for (const pairs of options.capacitySteps) {
    const last = steps.at(-1);
    const oursGoesOn = !last || last.ours?.passes === true;
    const bareGoesOn = options.server === null && (!last || last.bare?.passes === true);
    if (!oursGoesOn && !bareGoesOn) break;
    console.log(`capacity: ${pairs} pairs (${pairs * 2} clients)…`);
    const ours = oursGoesOn ? await run.ours(pairs, options) : null;
    lastGame = ours?.game ?? lastGame;
    // Once ours has failed, the floor goes on at the rate and patch size ours last had, every client connected.
    const bare = bareGoesOn && lastGame ? await run.bare(pairs, options, { ...lastGame, connections: pairs * 2 }) : null;
    steps.push({ pairs, ours, bare });
    console.log(`  ours: ${runText(ours)}; bare Colyseus: ${runText(bare)}`);
  }
  const outcomes = (which: 'ours' | 'bare') => steps.flatMap((s) => (s[which] ? [{ pairs: s.pairs, passes: s[which].passes }] : []));
  return {
    steps, capacityPairs: capacityOf(outcomes('ours')),
    bareCapacityPairs: options.server === null ? capacityOf(outcomes('bare')) : null,
  };
}

function runText(run: CapacityRun | null): string {
  if (!run) return 'not run';
  return `p99 ${run.game.latency.p99} ms, server CPU ${run.server.cpuPercent}% — ${run.passes ? 'passes' : `fails: ${run.misses.join('; ')}`}`;
}

async function runOurs(pairs: number, options: BenchOptions): Promise<CapacityRun> {
  const target = await gameTarget(options.server, MEMORY_PROBE_NODE_ARGS, true);
  try {
    await sleep(SETTLE_MS);
    const run = await measure(target, {
      kind: 'pairs', url: target.url, pairs, mode: options.mode, lossRate: options.lossRate,
      connectConcurrency: options.connectConcurrency, policy: ONE_CARD_A_SECOND, seed: options.seed,
      warmupMs: options.warmupMs, measureMs: options.measureMs,
    }, pairs, options.loadgens, true, ROOM.pair);
    return judged(pairs, run.result, run.server);
  } finally {
    await target.stop();
  }
}

async function runBareStep(pairs: number, options: BenchOptions, game: LoadResult): Promise<CapacityRun | null> {
  const run = await runBare(pairs, options, game);
  return run ? judged(pairs, run.result, run.server) : null;
}

function judged(pairs: number, game: LoadResult, server: ServerFigures): CapacityRun {
  const misses = capacityMisses(pairs, game);
  return { game, server, passes: misses.length === 0, misses };
}
