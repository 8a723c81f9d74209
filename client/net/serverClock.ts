/**
 * The room's clock as seen from the browser. Each patch carries `serverTime`; a patch reaches us
 * late by its transit time, so the largest (serverTime − local time) seen is the least delayed
 * estimate of the offset. Old samples are forgotten so a drifting clock is followed; a quiet room
 * still stamps its patches every `CLOCK_SYNC_MS`, so two of those are always kept.
 *
 * A class's pair room stands still while the class is paused: its patches then carry the moment
 * the clocks stopped, and so does this clock, rather than run on (a deadline counted down to 0 s
 * on a student's phone, and the ★ hint came, while the server's stood). Samples from before the
 * pause are dropped, since the room's clock resumes behind them by the pause's length.
 */
import { CLOCK_SYNC_MS } from '../../shared/protocol.ts';

/** How long a sample is kept. */
const SAMPLE_LIFE_MS = 2 * CLOCK_SYNC_MS;

export class ServerClock {
  private samples: { offset: number; at: number }[] = [];
  /** The room's time while its clock stands still; null while it runs. */
  private stoppedAt: number | null = null;

  /** What a patch says of the room's clock: its time, and whether it stands still there (`paused`). */
  observe(patch: { readonly serverTime: number; readonly paused?: boolean }, localNow = performance.now()): void {
    const { serverTime, paused = false } = patch;
    if (serverTime <= 0) return;
    if (paused) {
      this.stoppedAt = serverTime;
      this.samples = [];
      return;
    }
    this.stoppedAt = null;
    this.samples.push({ offset: serverTime - localNow, at: localNow });
    this.samples = this.samples.filter((s) => localNow - s.at < SAMPLE_LIFE_MS);
  }

  /** The room's time now; 0 before any patch has told it. */
  now(localNow = performance.now()): number {
    if (this.stoppedAt !== null) return this.stoppedAt;
    if (this.samples.length === 0) return 0;
    return localNow + Math.max(...this.samples.map((s) => s.offset));
  }

  reset(): void {
    this.samples = [];
    this.stoppedAt = null;
  }
}
