/**
 * A load generator process: receives its part of a LoadPlan from run.ts over IPC and connects
 * its clients; once every load generator has connected, the parent sends the window as
 * wall-clock times, so that all of them measure over the same instants. It measures, leaves,
 * and sends back its raw figures for the parent to merge. It has its own deadline, and ends at
 * once if its parent is gone.
 */
import { ClassTally, startClassroom } from './classroomLoad.ts';
import { startBare } from './bareLoad.ts';
import { startEcho } from './echoLoad.ts';
import { LoadMeter } from './loadMeter.ts';
import type { LoadCommand, LoadEvent, ShardPlan, ShardResult } from './loadPlan.ts';
import { PairTally, startPairs } from './pairLoad.ts';

/** Replies to requests sent at the end of the window still count; this is how long they get. */
const GRACE_MS = 1500;
/** Connecting thousands of clients, here and in the other load generators, must not take longer than this. */
const CONNECT_BUDGET_MS = 120_000;

type WindowCommand = Extract<LoadCommand, { type: 'window' }>;

interface RunningLoad {
  readonly connections: () => number;
  /** Every load generator has connected: what waited for the others may start. */
  readonly begin: () => void;
  readonly stop: () => Promise<void>;
}

const tell = (event: LoadEvent): void => void process.send?.(event);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sleepUntil = (at: number) => sleep(Math.max(0, at - performance.now()));

let windowArrived: (command: WindowCommand) => void = () => {};
const windowCommand = new Promise<WindowCommand>((resolve) => (windowArrived = resolve));

async function connect(plan: ShardPlan, meter: LoadMeter, tally: PairTally, classTally: ClassTally): Promise<RunningLoad> {
  if (plan.kind === 'pairs') return { ...(await startPairs(plan, meter, tally)), begin: () => {} };
  if (plan.kind === 'echo') return { ...(await startEcho(plan, meter)), begin: () => {} };
  if (plan.kind === 'bare') return { ...(await startBare(plan, meter)), begin: () => {} };
  const running = await startClassroom(plan, meter, tally, classTally, (code) => tell({ type: 'class', code }));
  return { ...running, begin: running.startRounds };
}

async function run(plan: ShardPlan): Promise<ShardResult> {
  const deadline = setTimeout(() => {
    console.error('load generator: deadline passed, exiting');
    process.exit(3);
  }, CONNECT_BUDGET_MS + plan.warmupMs + plan.measureMs + 30_000);
  deadline.unref();

  const meter = new LoadMeter();
  const tally = new PairTally();
  const classTally = new ClassTally();
  const connectStart = performance.now();
  const running = await connect(plan, meter, tally, classTally);
  const connectMs = Math.round(performance.now() - connectStart);
  tell({ type: 'connected', connections: running.connections(), ms: connectMs });

  const { startAt, endAt } = await windowCommand;
  // Every process reads the same system clock; the window is then fixed in this process's own clock.
  const local = (epochMs: number): number => performance.now() + (epochMs - Date.now());
  const startsAt = local(startAt);
  const endsAt = local(endAt);
  meter.setWindow(startsAt, endsAt);
  running.begin();
  await sleepUntil(startsAt);
  meter.watchHealth();
  await sleepUntil(endsAt);
  const loadgen = meter.loadgen();
  const connections = running.connections();
  await sleep(GRACE_MS);
  await running.stop();

  return {
    kind: plan.kind,
    connections,
    connectMs,
    measuredMs: Math.round(meter.measuredMs),
    // A copy: a view would carry its whole, partly empty, buffer over the channel.
    latencies: meter.latencies.values().slice(),
    sentAt: meter.sentAt.values().slice(),
    replies: meter.replies,
    requests: meter.requests,
    patchBytes: meter.patchBytes,
    patchFrames: meter.patchFrames,
    ...(plan.kind === 'pairs' || plan.kind === 'classroom' ? { plays: tally.counts() } : {}),
    ...(plan.kind === 'classroom' ? { classroom: classTally.counts() } : {}),
    trouble: meter.trouble(),
    loadgen,
  };
}

process.on('message', (command: LoadCommand) => {
  if (command.type === 'window') return windowArrived(command);
  run(command.plan)
    .then((result) => tell({ type: 'result', result }))
    .catch((error: unknown) => tell({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) }))
    // Let the IPC message flush before leaving.
    .finally(() => setTimeout(() => process.exit(0), 200));
});
// Nobody would read the result, and the other load generators are being stopped too.
process.once('disconnect', () => process.exit(4));
// Stopped by the parent: leave through exit, which writes a profile asked for with LOADGEN_NODE_ARGS.
process.once('SIGTERM', () => process.exit(0));
