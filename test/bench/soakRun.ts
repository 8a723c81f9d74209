/**
 * The soak (issue 21.5): `--soak=30m` holds `--soak-pairs` pairs (500 by default) playing round
 * after round on one server for the given time, their rooms closing and opening as matches end
 * (each finished match leaves its room and opens a new one, pairLoad.ts), and reports per slice
 * (5 minutes; a quarter of a shorter soak): p99 of the cards sent in it, the server's CPU over
 * it, and at its end the heap kept after a full collection, RSS, open file descriptors (sockets
 * and files: the handles that leak) and open rooms. Over the whole run: client errors and
 * disconnects. Every series should be flat, growing no more than noise from the second slice
 * (the first warms up) to the last.
 */
import { readdirSync } from 'node:fs';
import { gameTarget } from './benchTarget.ts';
import { runLoad } from './loadRun.ts';
import { ONE_CARD_A_SECOND, type ClientTrouble } from './loadPlan.ts';
import { keptBytes, MEMORY_PROBE_NODE_ARGS, readMemory } from './memoryReading.ts';
import type { BenchOptions } from './options.ts';
import { CpuWindow, rssBytes } from './serverProbe.ts';
import type { LatencySummary } from './stats.ts';

export interface SoakSlice {
  /** Minutes from the window's start to the slice's end. */
  readonly endsAtMinutes: number;
  readonly latency: LatencySummary;
  readonly cpuPercent: number;
  /** Old space + external after a full collection (keptBytes). */
  readonly heapKeptBytes: number;
  readonly rssBytes: number;
  readonly openFds: number;
  readonly rooms: number;
}

/** How a series went from its second slice (the first warms up) to its last. */
export interface Trend {
  readonly from: number;
  readonly to: number;
  readonly growthPercent: number;
  readonly flat: boolean;
}

export interface SoakFigures {
  readonly pairs: number;
  readonly minutes: number;
  readonly sliceMinutes: number;
  readonly slices: readonly SoakSlice[];
  readonly trends: {
    readonly p99: Trend;
    readonly cpu: Trend;
    readonly heapKept: Trend;
    readonly rss: Trend;
    readonly openFds: Trend;
    readonly rooms: Trend;
  };
  readonly trouble: ClientTrouble;
  /** Matches finished over the run, each one a room closed and a new one opened: the soak's churn. */
  readonly matchesFinished: number;
  /** Every series flat and no client trouble. */
  readonly steady: boolean;
}

const SLICE_MS = 5 * 60_000;

/** 5-minute slices; a soak shorter than 20 minutes gets four, so a short check still shows a trend. */
export function sliceMsFor(soakMs: number): number {
  return soakMs >= 4 * SLICE_MS ? SLICE_MS : Math.max(1000, Math.round(soakMs / 4));
}

/**
 * Growth from the second value to the last (from the first with two or fewer), flat within
 * `tolerancePercent` (noise) or `absolute` (for small counts: a few rooms or handles more is not a leak).
 */
export function trend(values: readonly number[], tolerancePercent: number, absolute = 0): Trend {
  const from = values.length > 2 ? values[1]! : values[0] ?? NaN;
  const to = values.at(-1) ?? NaN;
  const growth = to - from;
  const growthPercent = from !== 0 ? Math.round((growth / Math.abs(from)) * 1000) / 10 : growth === 0 ? 0 : Infinity;
  return { from, to, growthPercent, flat: growth <= absolute || growthPercent <= tolerancePercent };
}

/** Open file descriptors of `pid` (its sockets among them); NaN if /proc does not say. */
function openFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
}

/** Runs the soak on a fresh server here. */
export async function runSoak(options: BenchOptions, soakMs: number, pairs: number): Promise<SoakFigures> {
  const sliceMs = sliceMsFor(soakMs);
  const target = await gameTarget(null, MEMORY_PROBE_NODE_ARGS, true);
  const server = target.local!;
  const readings: Omit<SoakSlice, 'latency'>[] = [];
  const count = Math.ceil(soakMs / sliceMs);
  let timers: NodeJS.Timeout[] = [];
  let taken = 0;
  let reading = Promise.resolve();
  let started = 0;
  try {
    const cpu = new CpuWindow(server.pid);
    const slice = (): void => {
      taken++;
      const cpuPercent = cpu.percent();
      cpu.start();
      const endsAtMinutes = Math.round(((performance.now() - started) / 60_000) * 10) / 10;
      const rss = rssBytes(server.pid);
      const fds = openFds(server.pid);
      // The full collection pauses the server for a moment, once a slice: the reading is taken in the order slices end.
      reading = reading.then(async () => {
        const memory = await readMemory(server.child);
        readings.push({ endsAtMinutes, cpuPercent, heapKeptBytes: keptBytes(memory), rssBytes: rss, openFds: fds, rooms: memory.rooms });
        console.log(`  soak ${endsAtMinutes} min: server CPU ${cpuPercent}%, heap kept ${Math.round(keptBytes(memory) / 2 ** 20)} MB, `
          + `RSS ${Math.round(rss / 2 ** 20)} MB, ${fds} fds, ${memory.rooms} rooms`);
      });
    };
    const load = await runLoad({
      kind: 'pairs', url: target.url, pairs, mode: options.mode, lossRate: options.lossRate,
      connectConcurrency: options.connectConcurrency, policy: ONE_CARD_A_SECOND, seed: options.seed,
      warmupMs: options.warmupMs, measureMs: soakMs, sliceMs,
    }, options.loadgens, {
      onConnected: (n, ms) => console.log(`  soak: ${n} connections in ${ms} ms`),
      onStart: () => {
        started = performance.now();
        cpu.start();
        // Every slice but the last ends on a timer; the last one with the window.
        timers = Array.from({ length: count - 1 }, (_, i) => setTimeout(slice, (i + 1) * sliceMs));
      },
      onEnd: () => {
        for (const t of timers) clearTimeout(t);
        while (taken < count) slice();
      },
    });
    await reading;
    const slices = readings.map((r, i) => ({ ...r, latency: load.slices?.[i] ?? load.latency }));
    const t = load.trouble;
    const trends = {
      p99: trend(slices.map((s) => s.latency.p99), 25, 5),
      cpu: trend(slices.map((s) => s.cpuPercent), 15, 3),
      heapKept: trend(slices.map((s) => s.heapKeptBytes), 10),
      rss: trend(slices.map((s) => s.rssBytes), 10),
      openFds: trend(slices.map((s) => s.openFds), 5, 10),
      rooms: trend(slices.map((s) => s.rooms), 5, 5),
    };
    return {
      pairs, minutes: Math.round(soakMs / 6000) / 10, sliceMinutes: Math.round(sliceMs / 6000) / 10, slices, trends, trouble: t,
      matchesFinished: load.rematches ?? 0,
      steady: Object.values(trends).every((tr) => tr.flat) && t.joinFailures + t.errors + t.disconnects === 0,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    await target.stop();
  }
}
