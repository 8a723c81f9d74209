import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PING_BEAT_MS, pacePings, type Pingable } from '../../server/pacedPings.ts';

const INTERVAL_MS = 3000;
const BEATS = INTERVAL_MS / PING_BEAT_MS;

/** A connection that answers every ping (as a browser does) unless told not to. */
class Connection implements Pingable {
  pingCount = 0;
  pings = 0;
  terminated = false;
  private readonly answers: boolean;

  constructor(answers = true) {
    this.answers = answers;
  }

  ping(): void {
    this.pings++;
    if (this.answers) this.pingCount = 0;
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('paced keep-alive pings', () => {
  let timer: NodeJS.Timeout | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    clearInterval(timer);
    vi.useRealTimers();
  });

  it('pings every connection once per interval, an equal share at each beat instead of all at once', () => {
    const open = Array.from({ length: 2000 }, () => new Connection());
    timer = pacePings(() => open, INTERVAL_MS, 2);
    const share = Math.ceil(open.length / BEATS);

    let before = 0;
    for (let beat = 0; beat < BEATS; beat++) {
      vi.advanceTimersByTime(PING_BEAT_MS);
      const pinged = open.reduce((n, c) => n + c.pings, 0);
      expect(pinged - before).toBeLessThanOrEqual(share);
      before = pinged;
    }
    expect(open.every((c) => c.pings === 1)).toBe(true);

    vi.advanceTimersByTime(INTERVAL_MS);
    expect(open.every((c) => c.pings === 2 && !c.terminated)).toBe(true);
  });

  it('closes a connection that left maxRetries pings unanswered, at its next turn, and keeps the others', () => {
    const silent = new Connection(false);
    const open = [new Connection(), silent, new Connection()];
    timer = pacePings(() => open, INTERVAL_MS, 2);

    vi.advanceTimersByTime(2 * INTERVAL_MS);
    expect(silent).toMatchObject({ pings: 2, terminated: false });
    vi.advanceTimersByTime(INTERVAL_MS);
    expect(silent.terminated).toBe(true);
    expect(silent.pings).toBe(2);
    expect(open.filter((c) => c !== silent).every((c) => c.pings === 3 && !c.terminated)).toBe(true);
  });

  it('takes a newcomer into the next round', () => {
    const open = [new Connection()];
    timer = pacePings(() => open, INTERVAL_MS, 2);
    vi.advanceTimersByTime(PING_BEAT_MS);
    const late = new Connection();
    open.push(late);

    vi.advanceTimersByTime(INTERVAL_MS - PING_BEAT_MS);
    expect(late.pings).toBe(0);
    vi.advanceTimersByTime(INTERVAL_MS);
    expect(late.pings).toBe(1);
  });
});
