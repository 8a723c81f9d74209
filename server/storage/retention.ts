/**
 * What the database keeps, and for how long (README, "Security"): a class created and never
 * given a round is deleted after ABANDONED_CLASS_HOURS (nothing in it to report, and anyone may
 * create one without an account); free-play challenge entries after FREE_PLAY_DAYS. Daily
 * entries (one per player per day), classes that played and round records are kept.
 * `sweepStoredData` takes the time as an input; `keepSweeping` runs it on a timer.
 */
import type { RetentionConfig } from '../config.ts';
import type { Stores } from './stores.ts';

export interface SweepCount {
  readonly abandonedClasses: number;
  readonly freePlayEntries: number;
}

/** Deletes what the policy no longer keeps at `now`; classes `isLive` names are left alone. */
export async function sweepStoredData(stores: Stores, rules: RetentionConfig, now: number, isLive: (code: string) => boolean): Promise<SweepCount> {
  return {
    abandonedClasses: await stores.classes.deleteAbandoned(now - rules.abandonedClassMs, isLive),
    freePlayEntries: await stores.challenges.forgetFreePlayBefore(now - rules.freePlayMs),
  };
}

/**
 * Sweeps now and every `sweepEveryMs`; the timer does not keep the process alive. Returns its
 * stop. `liveClasses` lists the open classes (of every process of a cluster) just before each
 * sweep. A sweep that fails (the database or Redis unreachable for a while) deletes nothing, is
 * logged, and is tried again next time.
 */
export function keepSweeping(stores: Stores, rules: RetentionConfig, liveClasses: () => Promise<ReadonlySet<string>>): () => void {
  const sweep = () => void liveClasses()
    .then((live) => sweepStoredData(stores, rules, Date.now(), (code) => live.has(code)))
    .catch((e: unknown) => console.error('retention sweep failed:', e));
  sweep();
  const timer = setInterval(sweep, rules.sweepEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
