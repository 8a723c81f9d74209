/**
 * What one pair room costs in memory, and where: one game server with the memory probe, pair
 * rooms of real SDK clients (this process) opened in steps and kept playing, and after each
 * step the server's memory after a full collection, averaged over a few readings (rooms are
 * at different points of their rounds, and finished matches reopen). The growth from one step
 * to the next, divided by the rooms opened in between, is the cost of a room without the
 * start-up costs (code compiled, pools filled) that the first rooms carry. With --snapshot a
 * heap snapshot is taken at every step, and the growth is broken down by constructor
 * (memorySnapshot.ts) and a room's retained size by field and kind (memoryRetained.ts).
 *
 *   node test/bench/memoryRun.ts [--levels=50,250] [--play-ms=15000] [--samples=3] [--snapshot]
 *                                [--allocations-ms=10000] [--top=40] [--node-args=--max-semi-space-size=8,…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LoadMeter } from './loadMeter.ts';
import { ONE_CARD_A_SECOND, type PairLoadPlan, type Sharded } from './loadPlan.ts';
import { MEMORY_PROBE_NODE_ARGS, keptBytes, readMemory, sampleAllocations, type MemoryUsageAfterGc } from './memoryReading.ts';
import { retainedBy, retainedTable } from './memoryRetained.ts';
import { growthPerRoom, growthTable, tallyByConstructor } from './memorySnapshot.ts';
import { PairTally, startPairs, type RunningPairs } from './pairLoad.ts';
import { startGameServer, stopProcess, type ServerProcess } from './processes.ts';
import { CpuWindow, rssBytes } from './serverProbe.ts';

/** The machine is shared: never more rooms than this from a helper script. */
const MAX_PAIRS = 250;
const SETTLE_MS = 1500;
const SAMPLE_GAP_MS = 2000;
/** What a pair room is made of, for the retained-size breakdown. */
const RETAINERS = ['PairRoom', 'WebSocketClient', 'WebSocket', 'Socket'];

/** One step's figures, each the mean of its readings. */
interface Step {
  readonly pairs: number;
  readonly rooms: number;
  readonly clients: number;
  readonly heap: number;
  /** Old space after GC, where everything a room keeps lives (see keptBytes). */
  readonly oldSpace: number;
  /** Old space + external: what the rooms keep. */
  readonly kept: number;
  readonly heapBeforeGc: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly rssAfterGc: number;
  /** RSS as the bench reads it: from the kernel, before the probe's collection. */
  readonly rssBeforeGc: number;
  readonly last: MemoryUsageAfterGc;
  /** The server's CPU while this step's rooms played, before the readings (% of one core). */
  readonly cpuPercent: number;
}

/** The run's settings from its flags; a misspelt flag or a level out of range is an error, not a default. */
function runOptions(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      levels: { type: 'string', default: '50,250' },
      'play-ms': { type: 'string', default: '15000' },
      samples: { type: 'string', default: '3' },
      snapshot: { type: 'boolean', default: false },
      'allocations-ms': { type: 'string', default: '0' },
      top: { type: 'string', default: '40' },
      'node-args': { type: 'string' },
    },
  });
  const levels = values.levels.split(',').map(Number).sort((a, b) => a - b);
  if (levels.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_PAIRS)) throw new Error(`--levels takes pair counts from 1 to ${MAX_PAIRS}`);
  return {
    levels,
    playMs: Number(values['play-ms']),
    samples: Math.max(1, Number(values.samples)),
    snapshot: values.snapshot,
    /** At the top level, sample for this long where the server allocates what outlives a scavenge, then everything. */
    allocationsMs: Number(values['allocations-ms']),
    top: Number(values.top),
    /** Extra node arguments for the server, comma-separated, to try V8 settings. */
    nodeArgs: values['node-args']?.split(',') ?? [],
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** `pairs` more pairs, numbered after the `opened` already playing, so seeds and nicknames stay distinct. */
function plan(url: string, pairs: number, opened: number): Sharded<PairLoadPlan> {
  return {
    kind: 'pairs', url, pairs, mode: 'private', lossRate: 0.05, connectConcurrency: 16, policy: ONE_CARD_A_SECOND, seed: 7,
    warmupMs: 0, measureMs: 0, shard: { index: 0, firstIndex: opened, classCode: null },
  };
}

/** `samples` readings `SAMPLE_GAP_MS` apart, averaged; the last one may write a snapshot. */
async function measureStep(server: ServerProcess, pairs: number, samples: number, cpuPercent: number, snapshotPath?: string): Promise<Step> {
  const readings: { rssBeforeGc: number; reading: MemoryUsageAfterGc }[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await sleep(SAMPLE_GAP_MS);
    const rssBeforeGc = rssBytes(server.pid);
    readings.push({ rssBeforeGc, reading: await readMemory(server.child, i === samples - 1 ? snapshotPath : undefined) });
  }
  const avg = (f: (r: MemoryUsageAfterGc) => number) => mean(readings.map((r) => f(r.reading)));
  return {
    pairs, rooms: avg((r) => r.rooms), clients: avg((r) => r.clients), heap: avg((r) => r.heapUsed),
    oldSpace: avg((r) => r.spaces.old_space?.used ?? NaN), kept: avg(keptBytes),
    heapBeforeGc: avg((r) => r.beforeGc.heapUsed), external: avg((r) => r.external), arrayBuffers: avg((r) => r.arrayBuffers),
    rssAfterGc: avg((r) => r.rss), rssBeforeGc: mean(readings.map((r) => r.rssBeforeGc)), last: readings.at(-1)!.reading, cpuPercent,
  };
}

function stepLine(s: Step): string {
  const spaces = Object.entries(s.last.spaces).map(([k, v]) => `${k.replace(/_space$/, '')} ${mb(v.used)}/${mb(v.physical)}`).join(', ');
  return `${String(s.pairs).padStart(5)} pairs (${s.rooms.toFixed(0)} rooms, ${s.clients.toFixed(0)} clients): heap after GC ${mb(s.heap)} `
    + `(before ${mb(s.heapBeforeGc)}), external ${mb(s.external)} (arrayBuffers ${mb(s.arrayBuffers)}), `
    + `RSS after GC ${mb(s.rssAfterGc)}, before ${mb(s.rssBeforeGc)}; server CPU ${s.cpuPercent}%\n`
    + `         last reading by space, used/physical after GC: ${spaces}`;
}

function perRoomLine(from: Step, to: Step): string {
  const rooms = to.rooms - from.rooms;
  const per = (f: (s: Step) => number) => kb((f(to) - f(from)) / rooms);
  return `${String(from.pairs).padStart(4)} → ${String(to.pairs).padEnd(4)} pairs, per room (${rooms.toFixed(0)} rooms): `
    + `old space after GC ${per((s) => s.oldSpace)} + external ${per((s) => s.external)} `
    + `= ${per((s) => s.kept)}; `
    + `whole heap after GC ${per((s) => s.heap)}, before GC ${per((s) => s.heapBeforeGc)}; `
    + `RSS after GC ${per((s) => s.rssAfterGc)}, before GC ${per((s) => s.rssBeforeGc)}`;
}

function breakdown(snapshots: readonly string[], steps: readonly Step[], top: number): void {
  const [a, b] = [snapshots.at(-2)!, snapshots.at(-1)!];
  const [from, to] = [steps.at(-2)!, steps.at(-1)!];
  console.log(`\nheap growth by constructor, ${from.pairs} → ${to.pairs} pairs, per room (self sizes):`);
  console.log(growthTable(growthPerRoom(tallyByConstructor(a), tallyByConstructor(b), to.last.rooms - from.last.rooms), top));
  console.log(`\nretained at ${to.pairs} pairs:`);
  console.log(retainedTable(retainedBy(b, RETAINERS), 16));
}

async function allocationLines(server: ServerProcess, ms: number, rooms: number, top: number): Promise<void> {
  for (const promotedOnly of [true, false]) {
    const { sites } = await sampleAllocations(server.child, ms, promotedOnly);
    const total = sites.reduce((s, x) => s + x.bytesPerSecond, 0);
    console.log(`\nallocations ${promotedOnly ? 'outliving a scavenge' : 'in all'}: ${mb(total)}/s, ${kb(total / rooms)}/s per room; by site:`);
    for (const x of sites.slice(0, top)) console.log(`  ${kb(x.bytesPerSecond).padStart(11)}/s  ${x.site}`);
  }
}

async function main(): Promise<void> {
  const args = runOptions(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'tango-memory-'));
  const server = await startGameServer({}, [...args.nodeArgs, ...MEMORY_PROBE_NODE_ARGS], true);
  const url = `http://127.0.0.1:${server.port}`;
  const meter = new LoadMeter();
  // Everything counts: the tallies below are of the whole run.
  meter.setWindow(performance.now(), Infinity);
  const tally = new PairTally();
  const running: RunningPairs[] = [];
  const steps: Step[] = [];
  const snapshots: string[] = [];
  const cpu = new CpuWindow(server.pid);
  cpu.start();
  const take = async (pairs: number) => {
    const step = await measureStep(server, pairs, args.samples, cpu.percent(), args.snapshot ? join(dir, `${pairs}.heapsnapshot`) : undefined);
    if (step.last.snapshotPath) snapshots.push(step.last.snapshotPath);
    steps.push(step);
    console.log(stepLine(step));
  };
  try {
    await sleep(SETTLE_MS);
    await take(0);
    for (const pairs of args.levels) {
      const opened = steps.at(-1)!.pairs;
      running.push(await startPairs(plan(url, pairs - opened, opened), meter, tally));
      cpu.start();
      await sleep(args.playMs);
      await take(pairs);
    }
    if (args.allocationsMs > 0) await allocationLines(server, args.allocationsMs, steps.at(-1)!.rooms, args.top);
  } finally {
    await Promise.all(running.map((r) => r.stop()));
    await stopProcess(server.child, 10_000);
  }

  console.log('');
  for (let i = 1; i < steps.length; i++) console.log(perRoomLine(steps[i - 1]!, steps[i]!));
  const trouble = meter.trouble();
  console.log(`clients: ${trouble.joinFailures} failed joins, ${trouble.errors} errors, ${trouble.disconnects} disconnects; `
    + `${tally.judged} cards judged, ${tally.roundsFinished} rounds finished, ${tally.rematches} matches finished`);
  if (args.snapshot) console.log('(snapshots taken: RSS after the first step carries what writing them left behind)');

  // Step 0 is idle and the first level carries start-up costs, so the breakdown is between the last two.
  if (snapshots.length >= 2) {
    breakdown(snapshots, steps, args.top);
    console.log(`\nsnapshots kept in ${dir}`);
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
