/**
 * The load generator process: receives one LoadPlan from run.ts over IPC, connects its clients,
 * waits out the warm-up, measures for the window, leaves, and sends back a LoadResult. It has
 * its own deadline, so it ends even if its parent is gone.
 */
import { ClassTally, startClassroom } from './classroomLoad.ts';
import { startEcho } from './echoLoad.ts';
import { LoadMeter } from './loadMeter.ts';
import type { LoadEvent, LoadPlan, LoadResult } from './loadPlan.ts';
import { PairTally, startPairs } from './pairLoad.ts';
import { summarize } from './stats.ts';

/** Replies to requests sent at the end of the window still count; this is how long they get. */
const GRACE_MS = 1500;
/** Connecting thousands of clients must not take longer than this. */
const CONNECT_BUDGET_MS = 120_000;

const tell = (event: LoadEvent): void => void process.send?.(event);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(plan: LoadPlan): Promise<LoadResult> {
  const deadline = setTimeout(() => {
    console.error('load generator: deadline passed, exiting');
    process.exit(3);
  }, CONNECT_BUDGET_MS + plan.warmupMs + plan.measureMs + 30_000);
  deadline.unref();

  const meter = new LoadMeter();
  const tally = new PairTally();
  const classTally = new ClassTally();
  const connectStart = performance.now();
  const running = plan.kind === 'pairs' ? await startPairs(plan, meter, tally)
    : plan.kind === 'classroom' ? await startClassroom(plan, meter, tally, classTally)
    : await startEcho(plan, meter);
  const connectMs = Math.round(performance.now() - connectStart);
  tell({ type: 'connected', connections: running.connections(), ms: connectMs });

  await sleep(plan.warmupMs);
  meter.startWindow();
  tell({ type: 'windowStart' });
  await sleep(plan.measureMs);
  meter.endWindow();
  tell({ type: 'windowEnd' });
  const loadgen = meter.loadgen();
  const connections = running.connections();
  await sleep(GRACE_MS);
  await running.stop();

  const seconds = meter.measuredMs / 1000;
  const perSecond = (n: number) => Math.round((n / seconds) * 10) / 10;
  return {
    kind: plan.kind,
    connections,
    connectMs,
    measuredMs: Math.round(meter.measuredMs),
    latency: summarize(meter.latencies.values()),
    repliesPerSecond: perSecond(meter.replies),
    requestsPerConnectionPerSecond: connections > 0 ? Math.round((meter.requests / seconds / connections) * 1000) / 1000 : 0,
    ...(plan.kind !== 'echo' ? {
      correctShare: tally.judged > 0 ? Math.round((tally.correct / tally.judged) * 1000) / 1000 : 0,
      refusals: tally.refusals,
      roundsFinished: tally.roundsFinished,
      rematches: tally.rematches,
    } : {}),
    ...(plan.kind === 'classroom' ? { classroom: classTally.figures(meter) } : {}),
    trouble: meter.trouble(),
    loadgen,
  };
}

process.once('message', (plan: LoadPlan) => {
  run(plan)
    .then((result) => tell({ type: 'result', result }))
    .catch((error: unknown) => tell({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) }))
    // Let the IPC message flush before leaving.
    .finally(() => setTimeout(() => process.exit(0), 200));
});
