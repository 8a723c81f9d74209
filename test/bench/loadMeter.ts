/**
 * Counts what the load clients see: latencies of requests sent inside the measured window, and
 * every error or disconnect over the whole run. Also watches the load generator itself, since
 * a saturated generator reports its own delays as the server's.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Room } from '@colyseus/sdk';
import type { ClientTrouble, LoadgenHealth } from './loadPlan.ts';
import { SampleBuffer } from './stats.ts';

/** Trouble messages kept per run, in one process or merged over several. */
export const MAX_EXAMPLES = 8;
/** The event-loop monitor's timer period; its samples include it, so it is taken off. */
const LOOP_RESOLUTION_MS = 10;

export class LoadMeter {
  readonly latencies = new SampleBuffer();
  /** When each request of `latencies` was sent, from the window's start. */
  readonly sentAt = new SampleBuffer();
  replies = 0;
  requests = 0;
  /** State patch bytes received inside the window (countPatches). */
  patchBytes = 0;
  /** State patches received inside the window: each is a frame, a socket write of the server's. */
  patchFrames = 0;
  private startedAt = Infinity;
  private endedAt = Infinity;
  private watchedFrom = 0;
  private cpuAtStart = process.cpuUsage();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

  private joinFailures = 0;
  private errors = 0;
  private disconnects = 0;
  private readonly examples: string[] = [];

  constructor() {
    this.loopDelay.enable();
  }

  /**
   * The measured window, in this process's performance.now(). Set ahead of time, so that every
   * load generator counts from the same instant however late its own timers fire.
   */
  setWindow(startsAt: number, endsAt: number): void {
    this.startedAt = startsAt;
    this.endedAt = endsAt;
  }

  /** The window has opened: the generator's own CPU and event-loop delay count from here. */
  watchHealth(): void {
    this.watchedFrom = performance.now();
    this.cpuAtStart = process.cpuUsage();
    this.loopDelay.reset();
  }

  get measuredMs(): number {
    return this.endedAt - this.startedAt;
  }

  /** A request leaves now; returns its start time. Only requests sent inside the window count. */
  sent(): number {
    const t0 = performance.now();
    if (this.counts(t0)) this.requests++;
    return t0;
  }

  /** A reply to a request sent at `t0` arrived. */
  replied(t0: number): void {
    if (!this.counts(t0)) return;
    this.latencies.push(performance.now() - t0);
    this.sentAt.push(t0 - this.startedAt);
    this.replies++;
  }

  /** A state patch of `bytes` arrived now. */
  patched(bytes: number): void {
    if (!this.counts(performance.now())) return;
    this.patchBytes += bytes;
    this.patchFrames++;
  }

  counts(t0: number): boolean {
    return t0 >= this.startedAt && t0 < this.endedAt;
  }

  joinFailed(error: unknown): void {
    this.joinFailures++;
    this.example('join', error);
  }

  error(where: string, error: unknown): void {
    this.errors++;
    this.example(where, error);
  }

  disconnected(where: string, code: unknown): void {
    this.disconnects++;
    this.example(where, `close code ${String(code)}`);
  }

  trouble(): ClientTrouble {
    return { joinFailures: this.joinFailures, errors: this.errors, disconnects: this.disconnects, examples: [...this.examples] };
  }

  /** Since watchHealth(): CPU as % of one core, and the 99th percentile event-loop delay. */
  loadgen(): LoadgenHealth {
    const used = process.cpuUsage(this.cpuAtStart);
    const seconds = (performance.now() - this.watchedFrom) / 1000;
    return {
      cpuPercent: Math.round(((used.user + used.system) / 1e6 / seconds) * 1000) / 10,
      eventLoopDelayP99Ms: Math.round(Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS) * 10) / 10,
    };
  }

  private example(where: string, error: unknown): void {
    if (this.examples.length >= MAX_EXAMPLES) return;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.examples.push(`${where}: ${text}`.slice(0, 200));
  }
}

/** Colyseus's ROOM_STATE_PATCH in the low bits of a frame's first byte (@colyseus/shared-types Protocol). */
const STATE_PATCH = 15;
const PROTOCOL_CODE_MASK = 31;

/**
 * Counts the state patch bytes `room` receives into `meter`, by wrapping the SDK's frame
 * handler on its connection (not in its types, unchanged through SDK 0.18): the bare floor
 * must send patches as big as the game's, and this is how the two are compared.
 */
export function countPatches(room: Room, meter: LoadMeter): void {
  const events = (room as unknown as { connection?: { events?: { onmessage?: (event: MessageEvent) => void } } }).connection?.events;
  const inner = events?.onmessage;
  if (!events || !inner) return;
  events.onmessage = (event: MessageEvent) => {
    const frame: unknown = event.data;
    if (frame instanceof ArrayBuffer && frame.byteLength > 0 && (new Uint8Array(frame, 0, 1)[0]! & PROTOCOL_CODE_MASK) === STATE_PATCH) {
      meter.patched(frame.byteLength);
    }
    inner(event);
  };
}

/** Runs `tasks` with at most `limit` in flight, so connecting thousands of clients does not flood the server's accept queue. */
export async function inBatches<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
