import { describe, expect, it } from 'vitest';
import { capacityMisses, capacityOf } from './capacityRun.ts';
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
});
