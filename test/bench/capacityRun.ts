/**
 * Capacity (issue 21.4): the highest level at which p99 card → verdict stays under 50 ms with
 * no client error or disconnect, found by stepping the pairs up (1,000, 1,250, 1,500, 2,000 by
 * default) with the same server, clients and load generators (nice 19, on the same cores) as
 * the ramp. Each step is a fresh server; the floors are not run, since capacity is absolute.
 * Stepping stops at the first step that fails: more pairs would only fail more, and a later
 * step passing by luck must not count, so capacity is the last step before the first failure.
 */
import { ROOM } from '../../shared/protocol.ts';
import { gameTarget } from './benchTarget.ts';
import { measure, type ServerFigures } from './levelRun.ts';
import { ONE_CARD_A_SECOND, type LoadResult } from './loadPlan.ts';
import { MEMORY_PROBE_NODE_ARGS } from './memoryReading.ts';
import type { BenchOptions } from './options.ts';
import { TARGETS } from './targets.ts';

export interface CapacityStep {
  readonly pairs: number;
  readonly game: LoadResult;
  readonly server: ServerFigures;
  readonly passes: boolean;
  /** Why the step fails; empty when it passes. */
  readonly misses: readonly string[];
}

export interface CapacityFigures {
  readonly steps: readonly CapacityStep[];
  /** The highest step before the first failing one; null if the first failed. */
  readonly capacityPairs: number | null;
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
export function capacityOf(steps: readonly Pick<CapacityStep, 'pairs' | 'passes'>[]): number | null {
  let capacity: number | null = null;
  for (const step of steps) {
    if (!step.passes) break;
    capacity = step.pairs;
  }
  return capacity;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SETTLE_MS = 1500;

/** Steps up through `options.capacitySteps` until one fails. */
export async function stepCapacity(options: BenchOptions): Promise<CapacityFigures> {
  const steps: CapacityStep[] = [];
  for (const pairs of options.capacitySteps) {
    console.log(`capacity: ${pairs} pairs (${pairs * 2} clients)…`);
    const target = await gameTarget(options.server, MEMORY_PROBE_NODE_ARGS, true);
    let run;
    try {
      await sleep(SETTLE_MS);
      run = await measure(target, {
        kind: 'pairs', url: target.url, pairs, mode: options.mode, lossRate: options.lossRate,
        connectConcurrency: options.connectConcurrency, policy: ONE_CARD_A_SECOND, seed: options.seed,
        warmupMs: options.warmupMs, measureMs: options.measureMs,
      }, pairs, options.loadgens, true, ROOM.pair);
    } finally {
      await target.stop();
    }
    const misses = capacityMisses(pairs, run.result);
    const step = { pairs, game: run.result, server: run.server, passes: misses.length === 0, misses };
    steps.push(step);
    console.log(`  p99 ${run.result.latency.p99} ms, server CPU ${run.server.cpuPercent}% — ${step.passes ? 'passes' : `fails: ${misses.join('; ')}`}`);
    if (!step.passes) break;
  }
  return { steps, capacityPairs: capacityOf(steps) };
}
