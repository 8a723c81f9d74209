/**
 * One load generator run from the parent's side: fork it, hand it the plan, let the caller
 * sample the server at the window's start and end, and collect the result. Bounded in time.
 */
import { forkLoadGenerator, stopProcess } from './processes.ts';
import type { LoadEvent, LoadPlan, LoadResult } from './loadPlan.ts';

export interface WindowProbe {
  readonly onConnected?: (connections: number, ms: number) => void;
  readonly onStart: () => void;
  readonly onEnd: () => void;
}

/** Connecting, warm-up, window, leaving and some slack. */
function budgetMs(plan: LoadPlan): number {
  return 150_000 + plan.warmupMs + plan.measureMs;
}

export function runLoad(plan: LoadPlan, probe: WindowProbe): Promise<LoadResult> {
  const child = forkLoadGenerator();
  return new Promise<LoadResult>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('load generator overran its budget')), budgetMs(plan));
    child.on('message', (event: LoadEvent) => {
      if (event.type === 'connected') probe.onConnected?.(event.connections, event.ms);
      else if (event.type === 'windowStart') probe.onStart();
      else if (event.type === 'windowEnd') probe.onEnd();
      else if (event.type === 'result') { clearTimeout(timer); resolve(event.result); }
      else { clearTimeout(timer); reject(new Error(`load generator failed: ${event.message}`)); }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`load generator exited (${code}) without a result`));
    });
    child.send(plan);
  }).finally(() => stopProcess(child, 2000));
}
