/**
 * `npm run bench`: how many pair rooms one server process holds and how fast a card is judged,
 * against a bare WebSocket echo server as the floor; then the client's bundle and its start-up
 * and frame times in headless Chromium. Everything runs on 127.0.0.1, every process has a
 * deadline, and the run ends by itself. Options: see options.ts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureBrowser, type BrowserFigures } from './browserMetrics.ts';
import { buildClient, measureBundle, type BundleFigures } from './bundleSize.ts';
import { CLASS_WINDOW_FACTOR, runClassroom, type ClassroomFigures } from './classroomRun.ts';
import { runLevel, type LevelResult } from './levelRun.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { ROOT } from './processes.ts';
import { newestProfile, summarizeProfile, type ProfileFigures } from './profileSummary.ts';
import { stepCapacity } from './capacityRun.ts';
import { runSoak } from './soakRun.ts';
import { redisBinary, runRedisLevel, type RedisComparison } from './redisRun.ts';
import { machine, memoryFigures, redisLine, table, writeReport, type BenchReport } from './report.ts';
import { TARGETS } from './targets.ts';

const RESULTS = join(ROOT, 'test/bench/results');
/** No run, however slow the machine, goes on longer than this, plus what the options add (budgetMs). */
const OVERALL_BUDGET_MS = 20 * 60_000;

/**
 * The whole run's budget: the ramp's, the soak's length, the Redis runs (one per level), the
 * repeated runs of each level (ours and the bare floor's) and of the class, and the capacity
 * steps (ours and the floor's).
 */
function budgetMs(options: BenchOptions): number {
  const perMeasurementMs = 150_000 + options.warmupMs + options.measureMs;
  return OVERALL_BUDGET_MS + options.soakMs + (options.redis ? options.levels.length * perMeasurementMs : 0)
    + (options.repeat - 1) * options.levels.length * 2 * perMeasurementMs
    + (options.classroom ? (options.repeat - 1) * (perMeasurementMs + (CLASS_WINDOW_FACTOR - 1) * options.measureMs) : 0)
    + options.capacitySteps.length * 2 * perMeasurementMs;
}

/** Each measured level again over two processes sharing Redis (--redis). */
async function withRedis(options: BenchOptions, levels: readonly LevelResult[]): Promise<RedisComparison[] | null> {
  if (!options.redis) return null;
  const binary = redisBinary();
  if ('missing' in binary) throw new Error(`--redis: ${binary.missing}`);
  const comparisons: RedisComparison[] = [];
  for (const level of levels) {
    console.log(`level ${level.pairs} pairs over two processes sharing Redis…`);
    const c = await runRedisLevel(level, options, binary.path);
    comparisons.push(c);
    console.log(`  ${redisLine(c)}`);
  }
  return comparisons;
}

async function ramp(options: BenchOptions): Promise<LevelResult[]> {
  const levels: LevelResult[] = [];
  for (const pairs of options.levels) {
    console.log(`level ${pairs} pairs (${pairs * 2} clients)…`);
    const level = await runLevel(pairs, options);
    levels.push(level);
    const gen = level.game.loadgen;
    console.log(`  p99 ${level.game.latency.p99} ms, bare Colyseus p99 ${level.bare?.latency.p99 ?? '–'} ms, echo p99 ${level.floor.latency.p99} ms, server CPU ${Number.isFinite(level.server.cpuPercent) ? `${level.server.cpuPercent}%` : 'not read (remote)'}`
      + `, ${level.loadgens} load generator(s), busiest ${gen.cpuPercent}% CPU / lag p99 ${gen.eventLoopDelayP99Ms} ms`
      + (level.meetsTarget ? '' : ` — misses: ${level.misses.join('; ')}`)
      + (level.caveats.length > 0 ? ` — ${level.caveats.join('; ')}` : ''));
    if (!level.meetsTarget && options.stopAtFirstMiss) break;
  }
  return levels;
}

/** Runs `run` with the server under `node --cpu-prof` (the arguments given to it), and reads the profile. */
async function profiled(what: string, run: (nodeArgs: readonly string[]) => Promise<unknown>): Promise<ProfileFigures | null> {
  const dir = join(RESULTS, 'profiles', what);
  mkdirSync(dir, { recursive: true });
  console.log(`profiling the server: ${what}…`);
  await run(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const file = newestProfile(dir);
  return file ? summarizeProfile(file) : null;
}

function printProfile(title: string, profile: ProfileFigures | null): void {
  if (!profile) return;
  console.log(`\n${title} (${profile.file}), by area:`);
  for (const a of profile.byArea) console.log(`  ${String(a.percent).padStart(5)}%  ${a.area}`);
  console.log('  top functions:');
  for (const f of profile.topFunctions.slice(0, 15)) console.log(`  ${String(f.percent).padStart(5)}%  ${f.fn}  ${f.at}`);
}

async function measureClient(options: BenchOptions): Promise<BenchReport['client']> {
  if (!options.client) return { bundle: { status: 'skipped' }, browser: { status: 'skipped', reason: '--no-client' } };
  const outDir = mkdtempSync(join(tmpdir(), 'tango-bench-client-'));
  try {
    console.log('building the client…');
    const build = await buildClient(outDir);
    const bundle: BundleFigures = build.ok ? measureBundle(outDir, build.ms) : { status: 'client not built', reason: build.output };
    if (bundle.status !== 'built') return { bundle, browser: { status: 'skipped', reason: 'client not built' } };
    console.log('measuring the client in Chromium…');
    const browser: BrowserFigures = await measureBrowser(outDir, options.startScreenRuns, options.matchFramesMs);
    return { bundle, browser };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The classroom, and its plain-pairs reference level if the ramp stopped before it. */
async function measureClassroom(options: BenchOptions, levels: readonly LevelResult[]): Promise<ClassroomFigures> {
  const pairs = options.classroomStudents / 2;
  let measured = levels;
  if (!levels.some((l) => l.pairs === pairs)) {
    console.log(`reference for the classroom: ${pairs} plain pairs…`);
    measured = [...levels, await runLevel(pairs, options)];
  }
  console.log(`classroom of ${options.classroomStudents} students…`);
  const classroom = await runClassroom(options, measured);
  console.log(classroom.latency
    ? `  p99 ${classroom.latency.p99} ms, reference p99 ${classroom.plainPairsReference?.p99Ms ?? '–'} ms, ratio ${classroom.ratioP99 ?? '–'}×`
    + `, ${classroom.loadgens} load generator(s), busiest ${classroom.loadgen?.cpuPercent}% CPU / lag p99 ${classroom.loadgen?.eventLoopDelayP99Ms} ms`
    + (classroom.misses.length > 0 ? ` — misses: ${classroom.misses.join('; ')}` : '')
    + (classroom.caveats.length > 0 ? ` — ${classroom.caveats.join('; ')}` : '')
    : `  failed: ${classroom.reason}`);
  return classroom;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const levels = await ramp(options);
  const passing = levels.filter((l) => l.meetsTarget).map((l) => l.pairs);
  const top = levels.at(-1);
  const redis = await withRedis(options, levels);
  const capacity = options.capacitySteps.length > 0 ? await stepCapacity(options) : null;
  if (options.soakMs > 0) console.log(`soak: ${options.soakPairs} pairs for ${Math.round(options.soakMs / 6000) / 10} min…`);
  const soak = options.soakMs > 0 ? await runSoak(options, options.soakMs, options.soakPairs) : null;
  const classroom = options.classroom ? await measureClassroom(options, levels) : null;
  const profile = options.cpuProfile && top ? await profiled(`${top.pairs} pairs`, (args) => runLevel(top.pairs, options, args)) : null;
  // The class's server too: what a class costs beyond the same students in plain pairs.
  const classroomProfile = options.cpuProfile && classroom
    ? await profiled(`class of ${options.classroomStudents}`, (args) => runClassroom(options, levels, args)) : null;
  const client = await measureClient(options);
  const report: BenchReport = {
    when: new Date().toISOString(),
    machine: machine(),
    options,
    targets: TARGETS,
    levels,
    largestPassingPairs: passing.length > 0 ? Math.max(...passing) : null,
    redis,
    capacity,
    soak,
    memory: memoryFigures(levels),
    classroom,
    profile,
    classroomProfile,
    client,
    durationSeconds: Math.round((performance.now() - started) / 1000),
  };
  const path = writeReport(report, RESULTS);
  console.log(`\n${table(report)}`);
  printProfile(`server CPU profile at ${top?.pairs ?? 0} pairs`, profile);
  printProfile(`server CPU profile of the class of ${options.classroomStudents}`, classroomProfile);
  console.log(`\nwritten to ${path}`);
}

const deadline = setTimeout(() => {
  console.error('bench: overall time budget exceeded, stopping');
  process.exit(2);
}, budgetMs(parseOptions(process.argv.slice(2))));
deadline.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
