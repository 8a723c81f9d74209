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
import { GCProfiler, getHeapStatistics } from 'node:v8';

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
  /**
   * Bytes the server allocated on its heap over the window (everything it did, not only cards):
   * the heap's growth between collections, from V8's GC profiler (allocatedBytes); NaN if it failed.
   */
  readonly allocatedBytes: number;
}

/** The used heap before and after one collection, as V8's GC profiler reports it. */
export interface GcHeapUse {
  readonly before: number;
  readonly after: number;
}

/**
 * Bytes allocated between a heap use of `startUsed` and one of `endUsed`, with these collections
 * in between: whatever the heap grew by from each collection (or the start) to the next (or the
 * end). A collection only takes away, so growth is allocation.
 */
export function allocatedBytes(startUsed: number, collections: readonly GcHeapUse[], endUsed: number): number {
  let total = 0;
  let from = startUsed;
  for (const c of collections) {
    total += Math.max(0, c.before - from);
    from = c.after;
  }
  return total + Math.max(0, endUsed - from);
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

export interface CardCost {
  readonly allocatedBytesPerCard: number;
  readonly scavengesPer1000Cards: number;
}

/** Issue 21.3: heap allocated per judged card (everything the server allocated in the window over its cards) and scavenges per 1,000 cards; null without cards. */
export function cardCost(stalls: StallFigures, cards: number): CardCost | null {
  if (!(cards > 0)) return null;
  return {
    allocatedBytesPerCard: Math.round(stalls.allocatedBytes / cards),
    scavengesPer1000Cards: Math.round((stalls.gc.minor.count / cards) * 1000 * 100) / 100,
  };
}

/** What V8's GC profiler (node:v8 GCProfiler) returns, as far as it is read here. */
interface GcProfile {
  readonly statistics: readonly {
    readonly beforeGC: { readonly heapStatistics: { readonly usedHeapSize: number } };
    readonly afterGC: { readonly heapStatistics: { readonly usedHeapSize: number } };
  }[];
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
  const profiler = new GCProfiler();
  const startUsed = getHeapStatistics().used_heap_size;
  profiler.start();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const endUsed = getHeapStatistics().used_heap_size;
  const profile = profiler.stop() as GcProfile | undefined;
  loop.disable();
  // Entries reach the observer a tick after the collection: the window's last ones may still be queued.
  keep(observer.takeRecords());
  observer.disconnect();
  const collections = profile?.statistics.map((g) => ({ before: g.beforeGC.heapStatistics.usedHeapSize, after: g.afterGC.heapStatistics.usedHeapSize }));
  return {
    windowMs: Math.round(performance.now() - started), loopDelay: loopDelayFigures(loop, LOOP_RESOLUTION_MS), gc: summarizeGc(pauses),
    allocatedBytes: collections ? allocatedBytes(startUsed, collections, endUsed) : NaN,
  };
}
