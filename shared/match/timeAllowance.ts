import type { Role } from './cards.ts';
import type { MatchSettings } from './settings.ts';

/**
 * Time a teacher gives one player beyond the round's (issue 19, "nobody left out by the clock"):
 * `extra` doubles their response deadline, `untimed` removes it, so they never miss one. The
 * speed bonus is paid over the player's own deadline, so extra time does not cost points; an
 * untimed player's is paid over the round's usual deadline, so being slow costs only the bonus.
 */
export const TIME_ALLOWANCES = ['normal', 'extra', 'untimed'] as const;
export type TimeAllowance = (typeof TIME_ALLOWANCES)[number];

/** How much longer an `extra` deadline is than the round's. */
export const EXTRA_TIME_FACTOR = 2;

/** Settings with `role`'s allowance set (other roles keep theirs). */
export function withAllowance(settings: MatchSettings, role: Role, allowance: TimeAllowance): MatchSettings {
  return { ...settings, allowances: { ...settings.allowances, [role]: allowance } };
}

/** `role`'s response deadline in ms, or null when untimed. */
export function deadlineMsFor(settings: MatchSettings, role: Role): number | null {
  const allowance = settings.allowances?.[role] ?? 'normal';
  if (allowance === 'untimed') return null;
  return allowance === 'extra' ? settings.timing.deadlineMs * EXTRA_TIME_FACTOR : settings.timing.deadlineMs;
}

/** The share of the speed bonus left for a move made at `at` (1 at once, 0 at the deadline). */
export function speedShare(settings: MatchSettings, role: Role, expectedSince: number | null, deadlineAt: number | null, at: number): number {
  if (expectedSince === null) return 1;
  const ms = deadlineMsFor(settings, role);
  // After a missed deadline a new one runs: the bonus is counted against it.
  if (ms !== null && deadlineAt !== null) return (deadlineAt - at) / ms;
  return (expectedSince + settings.timing.deadlineMs - at) / settings.timing.deadlineMs;
}
