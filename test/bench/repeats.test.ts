import { describe, expect, it } from 'vitest';
import { alternate, median, medianIndex, repeatFigures, repeatLine, runsLine } from './repeats.ts';

describe('repeated runs of ours and the bare floor', () => {
  it('take medians that one stalled run cannot move', () => {
    expect(median([7, 3, 26.5, 4.4, 3.9])).toBe(4.4);
    expect(median([2, 8, 4, 6])).toBe(4);
    expect(median([])).toBeNaN();
    // The run to report for each side: its median run (the lower middle one for an even count).
    expect(medianIndex([7, 3, 26.5, 4.4, 3.9])).toBe(3);
    expect(medianIndex([2, 8, 4, 6])).toBe(2);
    expect(medianIndex([5, 5, 5])).toBe(1);
    expect(() => medianIndex([])).toThrow(/no runs/);
  });

  it('compare the medians, and keep each run\'s ratio to show the spread', () => {
    const r = repeatFigures([17, 8.6, 7.3, 12.9, 9], [7, 4.4, 3.9, 26.5, 5]);
    expect(r.medianRatio).toBe(1.8); // 9 / 5
    expect(r.ratios).toEqual([2.43, 1.95, 1.87, 0.49, 1.8]);
    expect(repeatLine(500, r)).toBe('at 500 pairs over 5 alternating runs: ours p99 median 9 ms (7.3–17), '
      + 'bare Colyseus 5 ms (3.9–26.5); ratio of medians 1.8×, run by run 0.49–2.43×');
    expect(() => repeatFigures([1, 2], [1])).toThrow(/as many runs/);
    expect(() => repeatFigures([], [])).toThrow(/at least one/);
  });

  it('sum up a side measured alone (the class) by its median run', () => {
    expect(runsLine([9.8, 26.5, 13.4])).toBe('over 3 runs p99 median 13.4 ms (9.8–26.5); the figures above are the median run\'s');
    expect(runsLine([9.8])).toBe('');
  });

  it('alternate: each floor run right after the run of ours it takes its rate from', async () => {
    const order: string[] = [];
    let n = 0;
    const runs = await alternate(3, async () => {
      order.push(`ours ${++n}`);
      return n;
    }, async (ours) => {
      order.push(`bare after ${ours}`);
      return ours * 10;
    });
    expect(order).toEqual(['ours 1', 'bare after 1', 'ours 2', 'bare after 2', 'ours 3', 'bare after 3']);
    expect(runs).toEqual({ ours: [1, 2, 3], bare: [10, 20, 30] });
  });
});
