/**
 * The bench's side of memoryProbe.ts: the node arguments that load the probe into the game
 * server, its three requests (a reading after a full collection, a sample of where the server
 * allocates, its stalls over a window), and what a reading says the rooms keep.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AllocationProfile, MemoryRequest, MemoryUsageAfterGc, ProbeFailure, StallReading } from './memoryProbe.ts';
import type { StallFigures } from './stallProbe.ts';

export type { AllocationProfile, MemoryUsageAfterGc, StallFigures };

/** Start the game server with these, and with an IPC channel, to be able to read it. */
export const MEMORY_PROBE_NODE_ARGS: readonly string[] = [
  '--expose-gc', '--import', fileURLToPath(new URL('./memoryProbe.ts', import.meta.url)),
];

/**
 * What the rooms keep, from a reading: the old space, where every object that lives longer
 * than a moment ends up, and the memory outside the heap (Buffers). The rest of the heap is
 * the process's own (compiled code, start-up's large objects) or empty after the collection.
 */
export function keptBytes(r: MemoryUsageAfterGc): number {
  return (r.spaces.old_space?.used ?? r.heapUsed) + r.external;
}

/** Writing a snapshot of a few hundred rooms takes seconds; a collection, well under one. */
const TIMEOUT_MS = 120_000;

/** Collects garbage in the server and reads its memory (and writes a heap snapshot to `snapshotPath`). */
export function readMemory(server: ChildProcess, snapshotPath?: string): Promise<MemoryUsageAfterGc> {
  return ask<MemoryUsageAfterGc>(server, snapshotPath ? { memoryProbe: 'read', snapshotPath } : { memoryProbe: 'read' }, 'reading');
}

/** Where the server allocates over the next `ms`: everything, or only what outlives a scavenge. */
export function sampleAllocations(server: ChildProcess, ms: number, promotedOnly: boolean): Promise<AllocationProfile> {
  return ask<AllocationProfile>(server, { memoryProbe: 'allocations', ms, promotedOnly }, 'allocations', ms);
}

/** The server's event-loop delay and GC pauses over the next `ms`, answered when they are over. */
export async function readStalls(server: ChildProcess, ms: number): Promise<StallFigures> {
  return (await ask<StallReading>(server, { memoryProbe: 'stalls', ms }, 'stalls', ms)).stalls;
}

function ask<R extends { memoryProbe: string }>(server: ChildProcess, request: MemoryRequest, answer: R['memoryProbe'], extraMs = 0): Promise<R> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('memory probe did not answer; was the server started with it and with ipc?')), TIMEOUT_MS + extraMs);
    const onMessage = (message: R | ProbeFailure) => {
      if (message?.memoryProbe === 'failed') done(new Error(`memory probe: ${(message as ProbeFailure).message}`));
      else if (message?.memoryProbe === answer) done(null, message as R);
    };
    const onExit = () => done(new Error('server exited before the memory probe answered'));
    function done(error: Error | null, reply?: R): void {
      clearTimeout(timer);
      server.off('message', onMessage);
      server.off('exit', onExit);
      if (error) reject(error);
      else resolve(reply!);
    }
    server.on('message', onMessage);
    server.once('exit', onExit);
    server.send(request);
  });
}
