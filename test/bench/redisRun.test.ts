import { describe, expect, it } from 'vitest';
import { cpuPerCardUs, redisCostPerCardUs } from './redisRun.ts';

describe('what Redis costs per card', () => {
  it('is CPU per card judged, in µs of one core', () => {
    // 20 % of a core judging 1,000 cards a second: 200 µs each.
    expect(cpuPerCardUs(20, 1000)).toBe(200);
    expect(cpuPerCardUs(20, 0)).toBeNaN();
  });

  it('is the cluster\'s CPU per card (both processes and Redis) over one process\'s, at whatever rates each ran', () => {
    // One process: 20 % at 1,000/s = 200 µs. Two: 18 % + 6 % + Redis 2 % at 1,040/s = 250 µs.
    expect(redisCostPerCardUs({ cpuPercent: 20, judgedPerSecond: 1000 }, 24, 2, 1040)).toBe(50);
    expect(redisCostPerCardUs({ cpuPercent: 20, judgedPerSecond: 0 }, 24, 2, 1040)).toBeNull();
  });
});
