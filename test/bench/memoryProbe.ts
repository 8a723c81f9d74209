/**
 * Loaded into the game server by the bench, never by the server itself:
 *
 *   node --expose-gc --import ./test/bench/memoryProbe.ts server/index.ts
 *
 * with an IPC channel to the bench (memoryReading.ts asks). On request it collects garbage
 * until the heap stops shrinking and answers with process.memoryUsage(), so what the rooms
 * hold can be told apart from heap slack and GC timing, which RSS counts; on request it also
 * writes a heap snapshot, or samples for a while where the server allocates (all of it, or only
 * what survives a scavenge), or watches it for a while for stalls (stallProbe.ts: event-loop
 * delay and GC pauses). Without an IPC channel or --expose-gc it does nothing.
 */
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { measureStalls, type StallFigures } from './stallProbe.ts';

export type MemoryRequest = {
  readonly memoryProbe: 'read';
  /** Write a heap snapshot here after the reading (it costs seconds and memory, so only on request). */
  readonly snapshotPath?: string;
} | {
  readonly memoryProbe: 'allocations';
  readonly ms: number;
  /**
   * Only what outlived a scavenge (promoted to the old space, or still alive at the end): the
   * garbage that piles up between full collections and that RSS counts. Otherwise everything.
   */
  readonly promotedOnly: boolean;
} | {
  /** The server's event-loop delay and GC pauses over the next `ms`. */
  readonly memoryProbe: 'stalls';
  readonly ms: number;
};

/** Bytes allocated per second at one place in the code, from V8's sampling heap profiler. */
export interface AllocationSite {
  readonly site: string;
  readonly bytesPerSecond: number;
}

export interface AllocationProfile {
  readonly memoryProbe: 'allocations';
  readonly sites: readonly AllocationSite[];
}

export interface StallReading {
  readonly memoryProbe: 'stalls';
  readonly stalls: StallFigures;
}

/** A request the probe could not answer; the server carries on. */
export interface ProbeFailure {
  readonly memoryProbe: 'failed';
  readonly message: string;
}

export interface MemoryUsageAfterGc {
  readonly memoryProbe: 'reading';
  /** Rooms open and clients connected in this process, from Colyseus's own count. */
  readonly rooms: number;
  readonly clients: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** C++ memory of JS objects (Buffers among it), which the heap does not count. */
  readonly external: number;
  readonly arrayBuffers: number;
  readonly rss: number;
  /**
   * By V8 space (old, new, code, large objects…): bytes in use after the collection, and the
   * bytes the space holds in memory (physical), whose difference is slack RSS counts.
   */
  readonly spaces: Readonly<Record<string, { readonly used: number; readonly physical: number }>>;
  /** The same just before the collection: what the heap held, garbage and all, when asked. */
  readonly beforeGc: { readonly heapUsed: number; readonly heapTotal: number; readonly rss: number };
  readonly gcMs: number;
  readonly snapshotPath?: string;
}

/** Full collections until the heap stops shrinking: weak maps and finalizers take more than one. */
function collect(gc: () => void): number {
  const started = performance.now();
  let before = Infinity;
  for (let i = 0; i < 5; i++) {
    gc();
    const used = process.memoryUsage().heapUsed;
    if (used >= before - 1024) break;
    before = used;
  }
  return Math.round(performance.now() - started);
}

async function read(gc: () => void, request: Extract<MemoryRequest, { memoryProbe: 'read' }>): Promise<MemoryUsageAfterGc> {
  // Already loaded by the server by now: this is its module, not a second copy.
  const { matchMaker } = await import('@colyseus/core');
  const { roomCount: rooms, ccu: clients } = matchMaker.stats.local;
  const before = process.memoryUsage();
  const beforeGc = { heapUsed: before.heapUsed, heapTotal: before.heapTotal, rss: before.rss };
  const gcMs = collect(gc);
  const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics()
    .filter((s) => s.physical_space_size > 0)
    .map((s) => [s.space_name, { used: s.space_used_size, physical: s.physical_space_size }]));
  const reading = { memoryProbe: 'reading' as const, rooms, clients, heapUsed, heapTotal, external, arrayBuffers, rss, spaces, beforeGc, gcMs };
  return request.snapshotPath ? { ...reading, snapshotPath: writeHeapSnapshot(request.snapshotPath) } : reading;
}

type ProfileNode = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: ProfileNode[] };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Samples allocations for `ms` and adds them up by function and line, largest first. */
async function allocations(request: Extract<MemoryRequest, { memoryProbe: 'allocations' }>): Promise<AllocationProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    // The two include* options are in the protocol but not in @types/node's copy of it.
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !request.promotedOnly,
    } as object);
    await new Promise((r) => setTimeout(r, request.ms));
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const bySite = new Map<string, number>();
    const visit = (node: ProfileNode) => {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url;
      const site = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : '(native)'}`;
      if (node.selfSize > 0) bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      for (const child of node.children) visit(child);
    };
    visit(profile.head as ProfileNode);
    const sites = [...bySite].map(([site, bytes]) => ({ site, bytesPerSecond: Math.round(bytes / (request.ms / 1000)) }))
      .sort((a, b) => b.bytesPerSecond - a.bytesPerSecond);
    return { memoryProbe: 'allocations', sites };
  } finally {
    session.disconnect();
  }
}

const gc = globalThis.gc;
if (process.send && gc) {
  const answer = (reply: Promise<MemoryUsageAfterGc | AllocationProfile | StallReading>) => reply.then(
    (r) => process.send?.(r),
    (e: unknown) => process.send?.({ memoryProbe: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ProbeFailure),
  );
  process.on('message', (message: MemoryRequest) => {
    if (message?.memoryProbe === 'read') void answer(read(gc, message));
    else if (message?.memoryProbe === 'allocations') void answer(allocations(message));
    else if (message?.memoryProbe === 'stalls') void answer(measureStalls(message.ms).then((stalls) => ({ memoryProbe: 'stalls', stalls })));
  });
  // The channel must not keep the server alive once it shuts down.
  process.channel?.unref();
}
