/** Drives the pure engine in tests: inputs in order, and what was judged among the events. */
import { step } from '../../shared/match/engine.ts';
import type { MatchEvent, MatchInput, MatchState, MoveRecord } from '../../shared/match/types.ts';

/** The state after `inputs`, one after another, and every event they caused. */
export function run(state: MatchState, ...inputs: MatchInput[]): { state: MatchState; events: MatchEvent[] } {
  let s = state;
  const events: MatchEvent[] = [];
  for (const input of inputs) {
    const r = step(s, input);
    s = r.state;
    events.push(...r.events);
  }
  return { state: s, events };
}

/** The moves judged among `events`, in order. */
export const judged = (events: readonly MatchEvent[]): MoveRecord[] => events.flatMap((e) => (e.type === 'moveJudged' ? [e.move] : []));
