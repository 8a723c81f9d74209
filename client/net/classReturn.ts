/*
 * Coming back to a class whose connection was lost. The SDK first tries its own reconnection
 * (same session, same server process); after a server restart that cannot work, since the new
 * process never saw the session. But the class itself comes back under the same code (the
 * server revives it at start), so the page joins it again by code: a teacher with the kept
 * secret, a student with the kept token, which the class takes as the same student. The rules
 * (when to try, how long to wait, when to give up) are pure; `keepTrying` runs them with the
 * clock it is given.
 */
import { CloseCode } from '@colyseus/sdk';
import type { ErrorCode } from '../../shared/protocol.ts';
import { failureOf, type JoinFailure } from './joinFailure.ts';

/** How long a page keeps trying: a restart (a deploy, a crash and its supervisor) takes seconds to a minute. */
export const RETURN_WINDOW_MS = 120_000;
/** The first wait; each next one doubles, up to RETURN_MAX_DELAY_MS. */
export const RETURN_FIRST_DELAY_MS = 500;
export const RETURN_MAX_DELAY_MS = 5000;
/**
 * A server that answers but has no such class: right after a start the class may be a moment
 * from coming back, so a few answers are waited out; more mean the class is gone.
 */
export const NOT_FOUND_TRIES = 3;

/** Refusals that may change while the server comes back (nothing about this browser is wrong). */
const PASSING: ReadonlySet<JoinFailure> = new Set<JoinFailure>(['unreachable', 'noAnswer', 'tooManyAttempts', 'classFull']);

/**
 * Whether a class connection closed with `closeCode` is worth joining again: not when the
 * server closed it on purpose (a kick, the class ended and closed, this page leaving), which is
 * a consented close.
 */
export function mayComeBack(closeCode: number, lastError: ErrorCode | null): boolean {
  return closeCode !== CloseCode.CONSENTED && lastError !== 'kicked';
}

export type NextReturn = { readonly kind: 'retry'; readonly delayMs: number } | { readonly kind: 'stop'; readonly code: JoinFailure };

/**
 * After `failures` failed joins (the last one `last`, `notFound` of them "no such class"),
 * `elapsedMs` after the connection was lost: wait and try again, or stop and say why.
 */
export function nextReturn(failures: number, last: JoinFailure, notFound: number, elapsedMs: number): NextReturn {
  const passing = PASSING.has(last) || (last === 'roomNotFound' && notFound < NOT_FOUND_TRIES);
  if (!passing || elapsedMs >= RETURN_WINDOW_MS) return { kind: 'stop', code: last };
  const delayMs = Math.min(RETURN_MAX_DELAY_MS, RETURN_FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return { kind: 'retry', delayMs: Math.min(delayMs, RETURN_WINDOW_MS - elapsedMs) };
}

export type Returned<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: JoinFailure };

/** Where `keepTrying` reads the time and waits; the page's own clock, a test's fake one. */
export interface ReturnClock {
  now(): number;
  wait(ms: number): Promise<void>;
}

export const realClock: ReturnClock = {
  now: () => Date.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Runs `join` until it works or `nextReturn` says stop; `stillWanted` false (the page left) stops it quietly. */
export async function keepTrying<T>(join: () => Promise<T>, clock: ReturnClock = realClock, stillWanted: () => boolean = () => true): Promise<Returned<T>> {
  const since = clock.now();
  let failures = 0;
  let notFound = 0;
  for (;;) {
    try {
      return { ok: true, value: await join() };
    } catch (error) {
      const failure = failureOf(error);
      failures++;
      if (failure === 'roomNotFound') notFound++;
      const next = nextReturn(failures, failure, notFound, clock.now() - since);
      if (next.kind === 'stop' || !stillWanted()) return { ok: false, failure: next.kind === 'stop' ? next.code : failure };
      await clock.wait(next.delayMs);
      if (!stillWanted()) return { ok: false, failure };
    }
  }
}
