/**
 * The bench's arithmetic, which no timed run checks: how a load is split over load generator
 * processes and how their figures are put back together. (The bench itself is `npm run bench`;
 * timings never belong in `npm test`.)
 */
import { describe, expect, it } from 'vitest';
import { mergeShards, sliceLatencies } from './loadMerge.ts';
import { ONE_CARD_A_SECOND, type PairLoadPlan, type ShardResult } from './loadPlan.ts';
import { shares, splitPlan } from './loadShards.ts';
import { summarize } from './stats.ts';

const PLAN: PairLoadPlan = {
  kind: 'pairs', url: 'http://127.0.0.1:1', pairs: 1001, mode: 'private', lossRate: 0.05, connectConcurrency: 16,
  policy: ONE_CARD_A_SECOND, seed: 7, warmupMs: 0, measureMs: 1000,
};

function shard(latencies: number[], over: Partial<ShardResult> = {}): ShardResult {
  return {
    kind: 'pairs', connections: 10, connectMs: 100, measuredMs: 2000, latencies: Float64Array.from(latencies), sentAt: new Float64Array(latencies.length),
    replies: latencies.length, requests: latencies.length + 1, patchBytes: 100 * latencies.length, patchFrames: 2 * latencies.length,
    plays: { correct: 1, judged: 2, roundsFinished: 1, rematches: 0, refusals: { 'play:roundOver': 1 } },
    trouble: { joinFailures: 0, errors: 0, disconnects: 0, examples: [] }, loadgen: { cpuPercent: 10, eventLoopDelayP99Ms: 1 },
    ...over,
  };
}

describe('a bench load split over load generators', () => {
  it('gives every process a share, numbered on, the whole load and no more', () => {
    expect(shares(1001, 3)).toEqual([334, 334, 333]);
    const parts = splitPlan(PLAN, 3);
    expect(parts.map((p) => p.kind === 'pairs' && p.pairs)).toEqual([334, 334, 333]);
    expect(parts.map((p) => p.shard.firstIndex)).toEqual([0, 334, 668]);
    // The server sees the same rush of joins however many processes make it.
    expect(parts.every((p) => p.connectConcurrency === 6)).toBe(true);
    expect(splitPlan({ ...PLAN, pairs: 2 }, 4)).toHaveLength(2);
    expect(splitPlan(PLAN, 1)[0]).toMatchObject({ pairs: 1001, connectConcurrency: 16, shard: { index: 0, firstIndex: 0 } });
    // The bare floor's pairs are split as the game's are.
    const bare = splitPlan({ ...PLAN, kind: 'bare', perConnectionPerSecond: 1, patchBytes: 200, landingMs: 0 }, 3);
    expect(bare.map((p) => p.kind === 'bare' && p.pairs)).toEqual([334, 334, 333]);
  });

  it('takes percentiles over every sample together, and the busiest process as the generator\'s health', () => {
    const fast = Array.from({ length: 970 }, () => 1);
    const slow = Array.from({ length: 30 }, (_, i) => 100 + i);
    const merged = mergeShards([
      shard(fast, { loadgen: { cpuPercent: 30, eventLoopDelayP99Ms: 2 } }),
      shard(slow, { connectMs: 400, patchBytes: 0, patchFrames: 0, loadgen: { cpuPercent: 12, eventLoopDelayP99Ms: 9 }, trouble: { joinFailures: 1, errors: 0, disconnects: 2, examples: ['join: x'] } }),
    ]);
    expect(merged.latency).toEqual(summarize(Float64Array.from([...fast, ...slow])));
    expect(merged.latency.p99).toBeGreaterThanOrEqual(100);
    expect(merged).toMatchObject({
      connections: 20, connectMs: 400, repliesPerSecond: 500, patchBytesPerReply: 97, patchFramesPerReply: 1.94, roundsFinished: 2, refusals: { 'play:roundOver': 2 }, correctShare: 0.5,
      trouble: { joinFailures: 1, disconnects: 2, examples: ['join: x'] },
      loadgen: { processes: 2, cpuPercent: 30, eventLoopDelayP99Ms: 9, totalCpuPercent: 42 },
    });
  });

  it('summarises a soak\'s latencies per slice by when each request was sent', () => {
    const slices = sliceLatencies(Float64Array.from([1, 2, 30, 40, 5]), Float64Array.from([0, 999, 1000, 1500, 2500]), 1000, 3);
    expect(slices.map((s) => [s.count, s.max])).toEqual([[2, 2], [2, 40], [1, 5]]);
    expect(mergeShards([shard([1, 2])], 1000).slices).toHaveLength(2);
  });

  it('refuses to make figures out of no answer at all', () => {
    expect(() => mergeShards([])).toThrow(/no load generator/);
  });
});
