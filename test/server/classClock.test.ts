import { describe, expect, it } from 'vitest';
import { ClassClock } from '../../server/rooms/classroom/classClock.ts';

function clockAt(start: number) {
  const view = { clockStartsAt: 0, clockEndsAt: 0, serverTime: 0 };
  let now = start;
  const clock = new ClassClock(view, () => now);
  return { view, clock, to: (t: number) => { now = t; } };
}

describe('the class clock', () => {
  it('takes the earliest pair\'s get-ready end and the latest pair\'s round end', () => {
    const { view, clock, to } = clockAt(1000);
    clock.reset();
    expect(view).toEqual({ clockStartsAt: -1, clockEndsAt: -1, serverTime: 1000 });
    clock.pairStarted(5000, 65_000);
    to(3000);
    clock.pairStarted(5000, 65_000);
    expect(view).toEqual({ clockStartsAt: 6000, clockEndsAt: 68_000, serverTime: 3000 });
  });

  it('moves a running get-ready and the round\'s end on by a pause, and counts a pair seated in the pause from the resume', () => {
    const { view, clock, to } = clockAt(0);
    clock.reset();
    clock.pairStarted(5000, 65_000);
    to(2000);
    clock.pause();
    expect(view.serverTime).toBe(2000);
    to(4000);
    clock.pairStarted(5000, 70_000);
    to(12_000);
    clock.resume();
    // Paused 10 s: the get-ready had 3 s left and still has; the later pair runs 70 s from the resume.
    expect(view).toEqual({ clockStartsAt: 15_000, clockEndsAt: 82_000, serverTime: 12_000 });
    to(20_000);
    clock.pause();
    to(25_000);
    clock.resume();
    // A get-ready already over stays over.
    expect(view).toEqual({ clockStartsAt: 15_000, clockEndsAt: 87_000, serverTime: 25_000 });
  });

  it('stamps the time now for a page about to receive the whole state, and keeps the pause\'s while paused', () => {
    const { view, clock, to } = clockAt(0);
    clock.reset();
    clock.pairStarted(5000, 65_000);
    to(9000);
    clock.stampForNewcomer();
    expect(view).toEqual({ clockStartsAt: 5000, clockEndsAt: 65_000, serverTime: 9000 });
    clock.pause();
    to(12_000);
    clock.stampForNewcomer();
    // A paused class's screens stand at the pause (classClockMoment reads the pause from serverTime).
    expect(view.serverTime).toBe(9000);
  });
});
