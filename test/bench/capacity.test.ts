import { describe, expect, it } from 'vitest';
import { capacityMisses, capacityOf, stepCapacity, type CapacityRun } from './capacityRun.ts';
import type { ServerFigures } from './levelRun.ts';
import type { LoadResult } from './loadPlan.ts';
import { parseOptions } from './options.ts';
import { NO_SAMPLES } from './stats.ts';

const calm = { joinFailures: 0, errors: 0, disconnects: 0, examples: [] };

describe('capacity, stepping pairs up', () => {
  it('passes a step only under 50 ms p99 with every client connected and no trouble', () => {
    expect(capacityMisses(1000, { latency: { ...NO_SAMPLES, p99: 49.9 }, connections: 2000, trouble: calm })).toEqual([]);
    expect(capacityMisses(1000, { latency: { ...NO_SAMPLES, p99: 50 }, connections: 2000, trouble: calm })).toEqual(['p99 50 ms ≥ 50 ms']);
    expect(capacityMisses(1000, { latency: { ...NO_SAMPLES, p99: 10 }, connections: 1998, trouble: calm })[0]).toMatch(/1998 of 2000/);
    expect(capacityMisses(1000, { latency: { ...NO_SAMPLES, p99: 10 }, connections: 2000, trouble: { ...calm, disconnects: 1 } })[0]).toMatch(/1 disconnects/);
    // No samples at all is no evidence of speed.
    expect(capacityMisses(1000, { latency: NO_SAMPLES, connections: 2000, trouble: calm })).toHaveLength(1);
  });

  it('is the last step before the first failure, a later lucky pass not counting', () => {
    expect(capacityOf([{ pairs: 1000, passes: true }, { pairs: 1250, passes: true }, { pairs: 1500, passes: false }])).toBe(1250);
    expect(capacityOf([{ pairs: 1000, passes: true }, { pairs: 1250, passes: false }, { pairs: 1500, passes: true }])).toBe(1000);
    expect(capacityOf([{ pairs: 1000, passes: false }])).toBeNull();
    expect(capacityOf([{ pairs: 1000, passes: true }, { pairs: 2000, passes: true }])).toBe(2000);
  });

  it('steps through issue 21\'s levels by default, instead of the ramp unless levels are asked for', () => {
    expect(parseOptions(['--capacity'])).toMatchObject({ capacitySteps: [1000, 1250, 1500, 2000], levels: [] });
    expect(parseOptions(['--capacity=750,500', '--levels=100'])).toMatchObject({ capacitySteps: [500, 750], levels: [100] });
    expect(parseOptions([]).capacitySteps).toEqual([]);
    expect(() => parseOptions(['--capacity=2500'])).toThrow(/--capacity/);
  });

  it('steps the bare floor on past our failure until it fails too, at the rate ours last had', async () => {
    // Ours holds 1,250 pairs and the bare floor 1,500; each run's p99 is made from its pairs.
    const run = (limit: number) => (pairs: number): CapacityRun => {
      const passes = pairs <= limit;
      return { game: { latency: { ...NO_SAMPLES, p99: passes ? 10 : 90 } } as LoadResult, server: {} as ServerFigures, passes, misses: passes ? [] : ['p99'] };
    };
    const bareAsked: { pairs: number; connections: number }[] = [];
    const options = { ...parseOptions(['--capacity']), server: null };
    const figures = await stepCapacity(options, {
      ours: async (pairs) => ({ ...run(1250)(pairs), game: { ...run(1250)(pairs).game, connections: pairs * 2 - 4 } }),
      bare: async (pairs, _options, game) => { bareAsked.push({ pairs, connections: game.connections }); return run(1500)(pairs); },
    });
    expect(figures.steps.map((s) => [s.pairs, s.ours?.passes ?? null, s.bare?.passes ?? null])).toEqual([
      [1000, true, true], [1250, true, true], [1500, false, true], [2000, null, false],
    ]);
    expect([figures.capacityPairs, figures.bareCapacityPairs]).toEqual([1250, 1500]);
    // Every client of the step, even when ours connected fewer.
    expect(bareAsked.map((a) => a.connections)).toEqual([2000, 2500, 3000, 4000]);

    // Both fail at the first step: nothing more is run.
    const none = await stepCapacity(options, { ours: async (p) => run(0)(p), bare: async (p) => run(0)(p) });
    expect(none.steps).toHaveLength(1);
    expect([none.capacityPairs, none.bareCapacityPairs]).toEqual([null, null]);

    // A server on another machine: no floor is run here.
    const remote = await stepCapacity({ ...options, server: 'http://10.0.0.5:2567' }, { ours: async (p) => run(1250)(p), bare: async () => { throw new Error('not here'); } });
    expect(remote.steps.map((s) => [s.pairs, s.bare])).toEqual([[1000, null], [1250, null], [1500, null]]);
    expect([remote.capacityPairs, remote.bareCapacityPairs]).toEqual([1250, null]);
  });
});
