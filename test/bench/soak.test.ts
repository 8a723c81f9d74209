import { describe, expect, it } from 'vitest';
import { durationMs, parseOptions } from './options.ts';
import { sliceMsFor, trend } from './soakRun.ts';

describe('the soak', () => {
  it('reads its length as seconds, minutes or hours, within bounds', () => {
    expect(durationMs('30m', '--soak')).toBe(1_800_000);
    expect(durationMs('90s', '--soak')).toBe(90_000);
    expect(durationMs('2h', '--soak')).toBe(7_200_000);
    expect(() => durationMs('30', '--soak')).toThrow(/--soak/);
    expect(() => durationMs('5s', '--soak')).toThrow(/--soak/);
    expect(parseOptions(['--soak=30m'])).toMatchObject({ soakMs: 1_800_000, soakPairs: 500, levels: [] });
    expect(parseOptions(['--soak=30m', '--soak-pairs=200', '--levels=50']).levels).toEqual([50]);
  });

  it('reports per 5 minutes, or per quarter of a shorter soak', () => {
    expect(sliceMsFor(30 * 60_000)).toBe(5 * 60_000);
    expect(sliceMsFor(20 * 60_000)).toBe(5 * 60_000);
    expect(sliceMsFor(40_000)).toBe(10_000);
  });

  it('calls a series flat when it grows no more than noise from its second slice (the first warms up) to its last', () => {
    expect(trend([50, 100, 102, 105], 10)).toMatchObject({ from: 100, to: 105, growthPercent: 5, flat: true });
    expect(trend([100, 100, 120, 140], 10)).toMatchObject({ growthPercent: 40, flat: false });
    // A few more handles on a small count is not a leak.
    expect(trend([20, 20, 24], 5, 10).flat).toBe(true);
    expect(trend([100, 90, 80], 1).flat).toBe(true);
    expect(trend([7], 10)).toMatchObject({ from: 7, to: 7, flat: true });
  });
});
