import { describe, expect, it } from 'vitest';
import { chartSvg, niceCeiling } from './chart.ts';
import type { LevelResult } from './levelRun.ts';

/** A level with only what the chart reads. */
const level = (pairs: number, p99: number, bareP99: number | null, cpuPercent: number): LevelResult => ({
  pairs, game: { latency: { p99 } }, bare: bareP99 === null ? null : { latency: { p99: bareP99 } }, server: { cpuPercent },
}) as unknown as LevelResult;

describe('the chart of cost against pairs', () => {
  it('rounds its scales up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(47.5)).toBe(50);
    expect(niceCeiling(3.7)).toBe(5);
    expect(niceCeiling(120)).toBe(200);
    expect(niceCeiling(0)).toBe(1);
  });

  it('draws ours, bare Colyseus and CPU as one line each, a point per level, labelled by pairs', () => {
    const svg = chartSvg([level(50, 3.7, 3, 12), level(500, 38.6, 20, 38), level(1000, 47.5, null, 61)]);
    expect(svg.match(/<polyline/g)).toHaveLength(3);
    // Bare Colyseus was not measured at the last level: two points, not three.
    expect(svg.match(/<circle/g)).toHaveLength(3 + 2 + 3);
    for (const label of ['>50<', '>500<', '>1000<', '>50 ms<', '>100 %<']) expect(svg).toContain(label);
  });
});
