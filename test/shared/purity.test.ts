/**
 * The engine changes one working copy per step (shared/match/draft.ts), never the state it is
 * given: rooms keep the previous state, and the projection skips whatever is the same object
 * as last time. Every state here is frozen, all the way down, before it is stepped from.
 */
import { describe, expect, it } from 'vitest';
import { playOut } from '../../shared/bots/playOut.ts';
import { createMatch, nextWakeAt, step } from '../../shared/match/engine.ts';
import { makeSettings, type Difficulty } from '../../shared/match/settings.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';

const sloppy = { reactionMs: 600, errorRate: 0.3 };
const DIFFICULTIES: readonly Difficulty[] = ['flags', 'numbers', 'expert'];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('the engine is pure', () => {
  it('never changes the state it steps from, in any scenario, difficulty or loss', () => {
    let steps = 0;
    for (const difficulty of DIFFICULTIES) {
      for (const lossRate of [0, 0.3]) {
        for (const scenarioId of SCENARIO_IDS) {
          const start = createMatch({ scenarioId, settings: makeSettings({ difficulty, lossRate }), seed: 11, now: 5_000, getReadyMs: 300 });
          const played = playOut(start, { client: sloppy, server: sloppy });
          // The same inputs again, each from a frozen state: a write into it would throw.
          let state: MatchState = deepFreeze(structuredClone(start));
          for (const input of played.inputs) {
            state = step(deepFreeze(state), input).state;
            steps++;
          }
          expect(state).toEqual(played.state);
        }
      }
    }
    expect(steps).toBeGreaterThan(1_000);
  });

  it('returns the very state it was given when a step changes nothing', () => {
    const start = createMatch({ scenarioId: 'handshake', settings: makeSettings({ difficulty: 'flags' }), seed: 3, now: 1_000, getReadyMs: 2_000 });
    // In the get-ready step nothing is due and a card waits.
    expect(nextWakeAt(start)).toBeGreaterThan(1_500);
    expect(step(start, { kind: 'tick', now: 1_000 }).state).toBe(start);
    const refused = step(start, { kind: 'play', now: 1_000, role: 'client', card: 'SYN' });
    expect(refused.state).toBe(start);
    expect(refused.events).toEqual([{ type: 'inputRefused', at: 1_000, code: 'roundNotStarted' }]);
    // Time passing is a change: a new state, whose other parts are the very same objects.
    const later = step(start, { kind: 'tick', now: 1_500 }).state;
    expect(later).not.toBe(start);
    expect(later.now).toBe(1_500);
    expect(later.endpoints).toBe(start.endpoints);
    expect(later.moves).toBe(start.moves);
    expect(later.wire).toBe(start.wire);
  });

  it('hands each step its own list of events, which no later step changes', () => {
    const start = createMatch({ scenarioId: 'handshake', settings: makeSettings({ difficulty: 'flags' }), seed: 3, now: 0, getReadyMs: 0 });
    const played = playOut(start, { client: sloppy, server: sloppy });
    // The events of every step, kept as they were handed out and as a copy taken at once.
    const lists: { events: readonly unknown[]; copy: string }[] = [];
    let state = start;
    for (const input of played.inputs) {
      const result = step(state, input);
      lists.push({ events: result.events, copy: JSON.stringify(result.events) });
      state = result.state;
    }
    expect(lists.filter((l) => l.events.length > 0).length).toBeGreaterThan(3);
    for (const l of lists) expect(JSON.stringify(l.events)).toBe(l.copy);
    // A step with nothing to tell hands out an empty list nobody can add to.
    const quiet = step(start, { kind: 'tick', now: 0 }).events;
    expect(quiet).toEqual([]);
    expect(Object.isFrozen(quiet)).toBe(true);
  });
});

