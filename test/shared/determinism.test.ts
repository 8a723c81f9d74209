import { describe, expect, it } from 'vitest';
import { createMatch, step } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';

const sloppy = { reactionMs: 700, errorRate: 0.3 };

function log(seed: number): string {
  return SCENARIO_IDS.map((scenarioId) => {
    const start = createMatch({ scenarioId, settings: makeSettings({ difficulty: 'expert', lossRate: 0.2 }), seed, now: 1_000 });
    return JSON.stringify(playOut(start, { client: sloppy, server: sloppy }).events);
  }).join('\n');
}

describe('determinism', () => {
  it('gives byte-identical event logs for the same seed and inputs', () => {
    expect(log(2026)).toBe(log(2026));
  });

  it('gives different ISNs and losses for different seeds', () => {
    expect(log(1)).not.toBe(log(2));
  });

  it('replays a recorded input log to the same state', () => {
    const start = createMatch({ scenarioId: 'whole-life', settings: makeSettings({ lossRate: 0.2 }), seed: 9, now: 0 });
    const first = playOut(start, { client: sloppy, server: sloppy });
    let state = start;
    for (const input of first.inputs) state = step(state, input).state;
    expect(JSON.stringify(state)).toBe(JSON.stringify(first.state));
  });
});
