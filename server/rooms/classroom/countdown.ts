/**
 * A timeout on the room clock that can be paused: what is left is kept while the class is
 * paused, so a pause does not eat into the time a round is given.
 */
import type { Clock, Delayed } from '@colyseus/core';

export class Countdown {
  private readonly clock: Clock;
  private timer: Delayed | undefined;
  private dueAt = 0;
  private left: number | null = null;
  private run: () => void = () => {};

  constructor(clock: Clock) {
    this.clock = clock;
  }

  start(ms: number, run: () => void): void {
    this.stop();
    this.run = run;
    this.dueAt = this.clock.currentTime + ms;
    this.timer = this.clock.setTimeout(run, ms);
  }

  pause(): void {
    if (!this.timer) return;
    this.left = Math.max(0, this.dueAt - this.clock.currentTime);
    this.timer.clear();
    this.timer = undefined;
  }

  resume(): void {
    if (this.left === null) return;
    const left = this.left;
    this.left = null;
    this.start(left, this.run);
  }

  stop(): void {
    this.timer?.clear();
    this.timer = undefined;
    this.left = null;
  }
}
