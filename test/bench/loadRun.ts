/**
 * One measurement from the parent's side: fork the load generators, hand each its part of the
 * plan, and once every one has connected tell them all the same window; let the caller sample
 * the server at the window's start and end, and merge their results. Bounded in time, and any
 * load generator failing fails the measurement with its reason.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { LoadGeneratorProcess } from './loadGeneratorProcess.ts';
import { mergeShards } from './loadMerge.ts';
import type { LoadPlan, LoadResult, ShardPlan } from './loadPlan.ts';
import { splitPlan } from './loadShards.ts';
import { stopProcess } from './processes.ts';

export interface WindowProbe {
  readonly onConnected?: (connections: number, ms: number) => void;
  readonly onStart: () => void;
  readonly onEnd: () => void;
}

/** Connecting, warm-up, window, leaving and some slack. */
function budgetMs(plan: LoadPlan): number {
  return 150_000 + plan.warmupMs + plan.measureMs;
}

/** Every part to its process; a class's other parts wait for the code of the class the first one creates (it holds the teacher). */
async function handOut(plans: readonly ShardPlan[], generators: readonly LoadGeneratorProcess[]): Promise<void> {
  const first = generators[0]!;
  first.send({ type: 'plan', plan: plans[0]! });
  const classCode = plans[0]!.kind === 'classroom' ? (await first.next('class')).code : null;
  plans.slice(1).forEach((plan, i) => {
    generators[i + 1]!.send({ type: 'plan', plan: plan.kind === 'classroom' ? { ...plan, shard: { ...plan.shard, classCode } } : plan });
  });
}

async function measureWith(
  plan: LoadPlan, plans: readonly ShardPlan[], generators: readonly LoadGeneratorProcess[], probe: WindowProbe, signal: AbortSignal,
): Promise<LoadResult> {
  await handOut(plans, generators);
  const connected = await Promise.all(generators.map((g) => g.next('connected')));
  signal.throwIfAborted();
  probe.onConnected?.(connected.reduce((n, c) => n + c.connections, 0), Math.max(...connected.map((c) => c.ms)));
  // Wall-clock instants, which every process reads from the same system clock.
  const startAt = Date.now() + plan.warmupMs;
  const endAt = startAt + plan.measureMs;
  for (const g of generators) g.send({ type: 'window', startAt, endAt });
  await delay(Math.max(0, startAt - Date.now()), undefined, { signal });
  probe.onStart();
  await delay(Math.max(0, endAt - Date.now()), undefined, { signal });
  probe.onEnd();
  const results = await Promise.all(generators.map((g) => g.next('result')));
  return mergeShards(results.map((r) => r.result), plan.sliceMs);
}

/**
 * Runs `plan` over at most `processes` load generators (never more than it has pairs,
 * connections or students), calling `probe` as the window opens and closes.
 */
export async function runLoad(plan: LoadPlan, processes: number, probe: WindowProbe): Promise<LoadResult> {
  const plans = splitPlan(plan, processes);
  const generators = plans.map((_, i) => new LoadGeneratorProcess(i));
  const aborted = new AbortController();
  const overrun = delay(budgetMs(plan), undefined, { signal: aborted.signal })
    .then((): never => { throw new Error('load generators overran their budget'); });
  try {
    return await Promise.race([measureWith(plan, plans, generators, probe, aborted.signal), overrun, ...generators.map((g) => g.failure)]);
  } finally {
    // Whatever ended the race, nothing of this measurement runs on: no probe call after a failure, no timer.
    aborted.abort();
    overrun.catch(() => undefined);
    await Promise.all(generators.map((g) => stopProcess(g.child, 2000)));
  }
}
