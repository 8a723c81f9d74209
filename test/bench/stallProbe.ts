/**
 * The game server's own stalls over a window, measured from inside it (memoryProbe.ts runs
 * this on the bench's request): how late its event loop got round to a timer, and the pauses
 * V8's garbage collector reported, scavenges and mark-compacts apart. A client's reply waits
 * for both, so a latency tail that matches them is the server's, not the network's or the
 * load generator's.
 */
import {
  constants, monitorEventLoopDelay, PerformanceObserver, type Histogram, type NodeGCPerformanceDetail, type PerformanceEntry,
} from 'node:perf_hooks';

/**
 * The loop monitor's timer period. Any stall of 2 ms or more shows; the cost is a timer
 * callback every 2 ms while a window lasts (microseconds each, against a server that is busy
 * with thousands of messages a second anyway). At 10 ms, as the load generators use, the
 * 2–5 ms stalls behind a p99 of a few milliseconds could fall between two ticks unseen.
 */
export const LOOP_RESOLUTION_MS = 2;

/**
 * Event-loop delay in ms, as the monitor measures it: the time between two ticks of its timer,
 * so the resolution is included (an idle loop reads about 2 ms, a 10 ms stall 10–12 ms).
 */
export interface LoopDelayFigures {
  readonly resolutionMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
}

/** Collections of one kind over the window: each one a pause of the server's main thread. */
export interface GcKindFigures {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

export interface GcFigures {
  /** Scavenges of the young generation (the short-lived garbage of every message). */
  readonly minor: GcKindFigures;
  /** Mark-compacts of the whole heap: the final, atomic pause of a major collection. */
  readonly major: GcKindFigures;
  /**
   * The other main-thread pauses V8 reports: starting an incremental marking (the first step
   * of a major collection, whose later steps are not reported) and running weak callbacks
   * (finalizers of native handles, after either kind). Kept apart so `major` counts collections.
   */
  readonly other: GcKindFigures;
}

export interface StallFigures {
  readonly windowMs: number;
  readonly loopDelay: LoopDelayFigures;
  readonly gc: GcFigures;
}

/** What a 'gc' performance entry says that counts here: its kind (`entry.detail.kind`) and how long it paused. */
export interface GcPause {
  readonly kind: number;
  readonly durationMs: number;
}

/** To 0.01 ms, so the JSON stays readable. */
const round2 = (n: number): number => Math.round(n * 100) / 100;

function groupOf(kind: number): keyof GcFigures {
  if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) return 'major';
  if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL || kind === constants.NODE_PERFORMANCE_GC_WEAKCB) return 'other';
  // A scavenge, or V8's minor mark-sweep (kind 2, which Node has no constant for) should a flag turn it on.
  return 'minor';
}

/** Count, total and longest pause by group. */
export function summarizeGc(pauses: Iterable<GcPause>): GcFigures {
  const groups = { minor: [] as number[], major: [] as number[], other: [] as number[] };
  for (const p of pauses) groups[groupOf(p.kind)].push(p.durationMs);
  const figures = (durations: readonly number[]): GcKindFigures => ({
    count: durations.length,
    totalMs: round2(durations.reduce((sum, d) => sum + d, 0)),
    maxMs: round2(Math.max(0, ...durations)),
  });
  return { minor: figures(groups.minor), major: figures(groups.major), other: figures(groups.other) };
}

/** The monitor's histogram (nanoseconds) in milliseconds; NaN throughout when it took no sample. */
export function loopDelayFigures(histogram: Pick<Histogram, 'count' | 'percentile' | 'max'>, resolutionMs: number): LoopDelayFigures {
  const ms = (ns: number): number => (histogram.count > 0 ? round2(ns / 1e6) : NaN);
  return {
    resolutionMs,
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    p999Ms: ms(histogram.percentile(99.9)),
    maxMs: ms(histogram.max),
  };
}

/** Watches this process for `ms` from now. Both monitors run only while a window lasts. */
export async function measureStalls(ms: number): Promise<StallFigures> {
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const pauses: GcPause[] = [];
  // @types/node's PerformanceEntry has no `detail`; a 'gc' entry's is this.
  const keep = (entries: readonly (PerformanceEntry & { readonly detail?: NodeGCPerformanceDetail })[]) => {
    for (const entry of entries) pauses.push({ kind: entry.detail?.kind ?? NaN, durationMs: entry.duration });
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  loop.enable();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  loop.disable();
  // Entries reach the observer a tick after the collection: the window's last ones may still be queued.
  keep(observer.takeRecords());
  observer.disconnect();
  return { windowMs: Math.round(performance.now() - started), loopDelay: loopDelayFigures(loop, LOOP_RESOLUTION_MS), gc: summarizeGc(pauses) };
}
