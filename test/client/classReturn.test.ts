import { CloseCode } from '@colyseus/sdk';
import { describe, expect, it } from 'vitest';
import {
  keepTrying, mayComeBack, nextReturn, NOT_FOUND_TRIES, RETURN_FIRST_DELAY_MS, RETURN_MAX_DELAY_MS, RETURN_WINDOW_MS, type ReturnClock,
} from '../../client/net/classReturn.ts';

/** A clock that moves only when waited on, and remembers each wait. */
function fakeClock(): ReturnClock & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return { waits, now: () => now, wait: (ms) => { waits.push(ms); now += ms; return Promise.resolve(); } };
}

/** A join that fails with each of `failures` in turn (an Error's message is read as our code), then works. */
function joinFailing(failures: readonly (Error | TypeError)[]): () => Promise<string> {
  let i = 0;
  return () => (i < failures.length ? Promise.reject(failures[i++]!) : Promise.resolve('room'));
}

describe('coming back to a class after its connection was lost', () => {
  it('comes back after a server shutdown or a failed reconnection, not after a kick or the class closing', () => {
    expect(mayComeBack(CloseCode.SERVER_SHUTDOWN, null)).toBe(true);
    expect(mayComeBack(CloseCode.FAILED_TO_RECONNECT, null)).toBe(true);
    expect(mayComeBack(CloseCode.ABNORMAL_CLOSURE, null)).toBe(true);
    expect(mayComeBack(CloseCode.CONSENTED, null)).toBe(false);
    expect(mayComeBack(CloseCode.ABNORMAL_CLOSURE, 'kicked')).toBe(false);
  });

  it('waits longer after each failure while the server is away, and gives up when the window is over', () => {
    expect(nextReturn(1, 'unreachable', 0, 0)).toEqual({ kind: 'retry', delayMs: RETURN_FIRST_DELAY_MS });
    expect(nextReturn(2, 'unreachable', 0, 600)).toEqual({ kind: 'retry', delayMs: 2 * RETURN_FIRST_DELAY_MS });
    expect(nextReturn(20, 'unreachable', 0, 60_000)).toEqual({ kind: 'retry', delayMs: RETURN_MAX_DELAY_MS });
    expect(nextReturn(20, 'unreachable', 0, RETURN_WINDOW_MS - 100)).toEqual({ kind: 'retry', delayMs: 100 });
    expect(nextReturn(21, 'unreachable', 0, RETURN_WINDOW_MS)).toEqual({ kind: 'stop', code: 'unreachable' });
  });

  it('stops at once on a refusal about this browser, and after a few "no such class" answers', () => {
    expect(nextReturn(1, 'kicked', 0, 0)).toEqual({ kind: 'stop', code: 'kicked' });
    expect(nextReturn(1, 'classEnded', 0, 0)).toEqual({ kind: 'stop', code: 'classEnded' });
    expect(nextReturn(1, 'badTeacherSecret', 0, 0)).toEqual({ kind: 'stop', code: 'badTeacherSecret' });
    // Right after a start the class may be a moment from being revived.
    expect(nextReturn(3, 'roomNotFound', NOT_FOUND_TRIES - 1, 2000).kind).toBe('retry');
    expect(nextReturn(4, 'roomNotFound', NOT_FOUND_TRIES, 4000)).toEqual({ kind: 'stop', code: 'roomNotFound' });
  });

  it('joins again until the server is back, waiting as told between tries', async () => {
    const clock = fakeClock();
    const join = joinFailing([new TypeError('fetch failed'), new TypeError('fetch failed'), new Error('roomNotFound')]);
    await expect(keepTrying(join, clock)).resolves.toEqual({ ok: true, value: 'room' });
    expect(clock.waits).toEqual([RETURN_FIRST_DELAY_MS, 2 * RETURN_FIRST_DELAY_MS, 4 * RETURN_FIRST_DELAY_MS]);
  });

  it('says why when it gives up, and stops quietly once the page no longer wants the class', async () => {
    await expect(keepTrying(joinFailing([new TypeError('x'), new Error('kicked')]), fakeClock())).resolves.toEqual({ ok: false, failure: 'kicked' });
    const clock = fakeClock();
    let wanted = true;
    const left = keepTrying(() => { wanted = false; return Promise.reject(new TypeError('x')); }, clock, () => wanted);
    await expect(left).resolves.toEqual({ ok: false, failure: 'unreachable' });
    expect(clock.waits).toEqual([]);
  });
});
