/**
 * The load generators' figures merged into one LoadResult: latency percentiles over every
 * process's samples together (a mean of per-process p99s would be no p99 at all), counts
 * summed, and the generators' health kept per process with the worst in front, since each
 * process saturates on its own. Every process measured over the same instants (loadRun.ts),
 * so sums over the window are rates over one window.
 */
import { MAX_EXAMPLES } from './loadMeter.ts';
import type {
  ClassTallyCounts, ClassroomTallyFigures, ClientTrouble, LoadResult, LoadgenFigures, PlayCounts, ShardResult,
} from './loadPlan.ts';
import { summarize, type LatencySummary } from './stats.ts';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

function concat(arrays: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(sum(arrays.map((a) => a.length)));
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return all;
}

function addCounts(maps: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const map of maps) for (const [key, n] of Object.entries(map)) total[key] = (total[key] ?? 0) + n;
  return total;
}

function mergeTrouble(troubles: readonly ClientTrouble[]): ClientTrouble {
  return {
    joinFailures: sum(troubles.map((t) => t.joinFailures)),
    errors: sum(troubles.map((t) => t.errors)),
    disconnects: sum(troubles.map((t) => t.disconnects)),
    examples: troubles.flatMap((t) => t.examples).slice(0, MAX_EXAMPLES),
  };
}

function mergePlays(plays: readonly PlayCounts[]): Pick<LoadResult, 'correctShare' | 'refusals' | 'roundsFinished' | 'rematches'> {
  const judged = sum(plays.map((p) => p.judged));
  return {
    correctShare: judged > 0 ? round(sum(plays.map((p) => p.correct)) / judged, 3) : 0,
    refusals: addCounts(plays.map((p) => p.refusals)),
    roundsFinished: sum(plays.map((p) => p.roundsFinished)),
    rematches: sum(plays.map((p) => p.rematches)),
  };
}

function mergeClass(counts: readonly ClassTallyCounts[], seconds: number): ClassroomTallyFigures {
  // Only the process holding the teacher starts rounds and sees the teacher's patches; the others add zeros.
  const teacherPatches = sum(counts.map((c) => c.teacherPatches));
  return {
    studentsJoined: sum(counts.map((c) => c.studentsJoined)),
    roundsStarted: sum(counts.map((c) => c.roundsStarted)),
    seatsTaken: sum(counts.map((c) => c.seatsTaken)),
    teacherPatchesPerSecond: seconds > 0 ? round(teacherPatches / seconds, 1) : 0,
    startRefusals: addCounts(counts.map((c) => c.startRefusals)),
  };
}

function mergeHealth(shards: readonly ShardResult[]): LoadgenFigures {
  const perProcess = shards.map((s) => s.loadgen);
  return {
    processes: shards.length,
    cpuPercent: Math.max(...perProcess.map((h) => h.cpuPercent)),
    eventLoopDelayP99Ms: Math.max(...perProcess.map((h) => h.eventLoopDelayP99Ms)),
    totalCpuPercent: round(sum(perProcess.map((h) => h.cpuPercent)), 1),
    perProcess,
  };
}

/** The latencies of the requests sent in each `sliceMs` of the window (`sentAt` in ms from its start), for `slices` slices. */
export function sliceLatencies(latencies: Float64Array, sentAt: Float64Array, sliceMs: number, slices: number): LatencySummary[] {
  const bySlice = Array.from({ length: slices }, () => [] as number[]);
  for (let i = 0; i < latencies.length; i++) {
    const slice = Math.floor(sentAt[i]! / sliceMs);
    if (slice >= 0 && slice < slices) bySlice[slice]!.push(latencies[i]!);
  }
  return bySlice.map((values) => summarize(values));
}

/** One measurement's result from every load generator's part of it; `shards` is never empty. */
export function mergeShards(shards: readonly ShardResult[], sliceMs?: number): LoadResult {
  const first = shards[0];
  if (!first) throw new Error('no load generator answered');
  const measuredMs = sum(shards.map((s) => s.measuredMs)) / shards.length;
  const seconds = measuredMs / 1000;
  const connections = sum(shards.map((s) => s.connections));
  const plays = shards.flatMap((s) => (s.plays ? [s.plays] : []));
  const classCounts = shards.flatMap((s) => (s.classroom ? [s.classroom] : []));
  const replies = sum(shards.map((s) => s.replies));
  return {
    kind: first.kind,
    connections,
    // The processes connect side by side: the slowest is how long connecting took.
    connectMs: Math.max(...shards.map((s) => s.connectMs)),
    measuredMs: Math.round(measuredMs),
    latency: summarize(concat(shards.map((s) => s.latencies))),
    ...(sliceMs ? { slices: sliceLatencies(concat(shards.map((s) => s.latencies)), concat(shards.map((s) => s.sentAt)), sliceMs, Math.ceil(measuredMs / sliceMs)) } : {}),
    repliesPerSecond: round(replies / seconds, 1),
    patchBytesPerReply: replies > 0 ? Math.round(sum(shards.map((s) => s.patchBytes)) / replies) : 0,
    patchFramesPerReply: replies > 0 ? round(sum(shards.map((s) => s.patchFrames)) / replies, 2) : 0,
    requestsPerConnectionPerSecond: connections > 0 ? round(sum(shards.map((s) => s.requests)) / seconds / connections, 3) : 0,
    ...(plays.length > 0 ? mergePlays(plays) : {}),
    ...(classCounts.length > 0 ? { classroom: mergeClass(classCounts, seconds) } : {}),
    trouble: mergeTrouble(shards.map((s) => s.trouble)),
    loadgen: mergeHealth(shards),
  };
}
