/**
 * The classroom part of the bench, from the parent's side: a fresh game server, one class of
 * `students` driven by the load generators (classroomLoad.ts; one holds the teacher, the
 * students are shared among all) over the same warm-up and window as a level, and its p99
 * compared with the same students in plain pairs (a level of the ramp).
 */
import type { LevelResult, ServerFigures } from './levelRun.ts';
import { caveatsOf, measure } from './levelRun.ts';
import { ONE_CARD_A_SECOND, type ClassroomTallyFigures, type ClientTrouble, type LoadgenFigures } from './loadPlan.ts';
import type { BenchOptions } from './options.ts';
import { gameTarget } from './benchTarget.ts';
import { MEMORY_PROBE_NODE_ARGS } from './memoryReading.ts';
import type { LatencySummary } from './stats.ts';
import { TARGETS } from './targets.ts';
import { medianIndex } from './repeats.ts';

const SETTLE_MS = 1500;
/**
 * A class judges about half as many cards a second as the same students in plain pairs (each
 * round has its get-ready step and waits for its slowest pair), so its window is this many
 * times a level's: its p99 rests on about as many cards as the p99 it is compared with, not on
 * the ten slowest of a thousand (two runs of 20 s measured 0.65× and 1.47×).
 */
export const CLASS_WINDOW_FACTOR = 3;

export interface ClassroomFigures {
  readonly status: 'measured' | 'failed';
  /** Why it failed; empty when measured. */
  readonly reason: string;
  readonly students: number;
  /** Load generator processes the students were shared among (0 if none ran). */
  readonly loadgens: number;
  /** Students connected to the class at the window's end. */
  readonly connected: number;
  /** Card → verdict over the window, as in a level. */
  readonly latency: LatencySummary | null;
  readonly repliesPerSecond: number;
  readonly classroom: ClassroomTallyFigures | null;
  readonly trouble: ClientTrouble | null;
  readonly server: ServerFigures | null;
  readonly loadgen: LoadgenFigures | null;
  /** The same students in plain pairs: what the classroom's p99 is compared with. */
  readonly plainPairsReference: { readonly pairs: number; readonly p99Ms: number } | null;
  /** Classroom p99 over the reference p99 (with `--repeat`, the median run's). */
  readonly ratioP99: number | null;
  /** Each run's p99 with `--repeat`, in the order run; the other figures are the median run's. */
  readonly p99Runs: readonly number[];
  readonly meetsTarget: boolean;
  readonly misses: readonly string[];
  /** Reasons to doubt the figures, as for a level (a saturated load generator, a shared machine). */
  readonly caveats: readonly string[];
  readonly target: string;
}

const target = `classroom p99 ≤ ${TARGETS.classroomRatio} × plain-pairs p99, no client trouble`;

function referenceOf(students: number, levels: readonly LevelResult[]) {
  const level = levels.find((l) => l.pairs === students / 2);
  return level ? { pairs: level.pairs, p99Ms: level.game.latency.p99 } : null;
}

/** `nodeArgs` are for the class's server process, e.g. `--cpu-prof`. */
export async function runClassroom(options: BenchOptions, levels: readonly LevelResult[], nodeArgs: readonly string[] = []): Promise<ClassroomFigures> {
  const students = options.classroomStudents;
  const reference = referenceOf(students, levels);
  try {
    // A fresh server for each run, as a level's; the class is then represented by its median run.
    const runs = [];
    for (let i = 0; i < options.repeat; i++) runs.push(await runClassOnce(options, nodeArgs));
    const p99Runs = runs.map((r) => r.result.latency.p99);
    const { result, server: serverFigures } = runs[medianIndex(p99Runs)]!;
    const ratio = reference ? Math.round((result.latency.p99 / reference.p99Ms) * 100) / 100 : null;
    const t = result.trouble;
    const misses: string[] = [];
    if (ratio === null) misses.push(`no plain-pairs reference at ${students / 2} pairs`);
    else if (!(ratio <= TARGETS.classroomRatio)) misses.push(`p99 is ${ratio}× the plain pairs' (> ${TARGETS.classroomRatio}×)`);
    if (result.connections < students) misses.push(`only ${result.connections} of ${students} students connected`);
    if (t.joinFailures + t.errors + t.disconnects > 0) {
      misses.push(`client trouble: ${t.joinFailures} failed joins, ${t.errors} errors, ${t.disconnects} disconnects`);
    }
    return {
      status: 'measured', reason: '', students, loadgens: result.loadgen.processes, connected: result.connections, latency: result.latency,
      repliesPerSecond: result.repliesPerSecond, classroom: result.classroom ?? null, trouble: t, server: serverFigures,
      loadgen: result.loadgen, plainPairsReference: reference, ratioP99: ratio, p99Runs: options.repeat > 1 ? p99Runs : [], meetsTarget: misses.length === 0, misses,
      caveats: caveatsOf(result, serverFigures), target,
    };
  } catch (error) {
    return {
      status: 'failed', reason: error instanceof Error ? error.message : String(error), students, loadgens: 0, connected: 0, latency: null,
      repliesPerSecond: 0, classroom: null, trouble: null, server: null, loadgen: null, plainPairsReference: reference,
      ratioP99: null, p99Runs: [], meetsTarget: false, misses: ['not measured'], caveats: [], target,
    };
  }
}

/** One class on a fresh server, with the probe as the plain-pairs levels it is compared with: the same server, and its stalls to read. */
async function runClassOnce(options: BenchOptions, nodeArgs: readonly string[]) {
  const students = options.classroomStudents;
  const server = await gameTarget(options.server, [...MEMORY_PROBE_NODE_ARGS, ...nodeArgs], true);
  try {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return await measure(server, {
      kind: 'classroom', url: server.url, students, lossRate: options.lossRate,
      connectConcurrency: options.connectConcurrency, policy: ONE_CARD_A_SECOND, seed: options.seed,
      warmupMs: options.warmupMs, measureMs: options.measureMs * CLASS_WINDOW_FACTOR,
    }, students / 2, options.loadgens, true);
  } finally {
    await server.stop();
  }
}
