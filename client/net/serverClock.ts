/**
 * The room's clock as seen from the browser. Each patch carries `serverTime`; a patch reaches us
 * late by its transit time, so the largest (serverTime − local time) seen is the least delayed
 * estimate of the offset. Old samples are forgotten so a drifting clock is followed; a quiet room
 * still stamps its patches every `CLOCK_SYNC_MS`, so two of those are always kept.
 */
import { CLOCK_SYNC_MS } from '../../shared/protocol.ts';

/** How long a sample is kept. */
const SAMPLE_LIFE_MS = 2 * CLOCK_SYNC_MS;

export class ServerClock {
  private samples: { offset: number; at: number }[] = [];

  observe(serverTime: number, localNow = performance.now()): void {
    if (serverTime <= 0) return;
    this.samples.push({ offset: serverTime - localNow, at: localNow });
    this.samples = this.samples.filter((s) => localNow - s.at < SAMPLE_LIFE_MS);
  }

  now(localNow = performance.now()): number {
    if (this.samples.length === 0) return 0;
    return localNow + Math.max(...this.samples.map((s) => s.offset));
  }

  reset(): void {
    this.samples = [];
  }
}
