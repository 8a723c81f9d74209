import { describe, expect, it } from 'vitest';
import { bucketQuantile, diffBuckets, parseBuckets, serverTimeOf, VERDICT_HISTOGRAM } from './serverTime.ts';

/** A scrape as prom-client writes it: two room types, cumulative buckets. */
function exposition(pair: readonly number[], challenge: readonly number[]): string {
  const les = ['0.0005', '0.001', '0.0025', '+Inf'];
  const lines = ['# HELP tango_card_verdict_seconds x', '# TYPE tango_card_verdict_seconds histogram'];
  les.forEach((le, i) => lines.push(`${VERDICT_HISTOGRAM}_bucket{le="${le}",room="pair"} ${pair[i]}`));
  les.forEach((le, i) => lines.push(`${VERDICT_HISTOGRAM}_bucket{le="${le}",room="challenge"} ${challenge[i]}`));
  lines.push(`${VERDICT_HISTOGRAM}_sum{room="pair"} 0.5`, `${VERDICT_HISTOGRAM}_count{room="pair"} ${pair[3]}`);
  return lines.join('\n');
}

describe('time inside the server, from the verdict histogram', () => {
  it('reads one room type\'s cumulative buckets, or every room\'s summed', () => {
    const text = exposition([10, 20, 30, 40], [1, 1, 1, 1]);
    expect(parseBuckets(text, VERDICT_HISTOGRAM, 'pair')).toEqual([
      { le: 0.0005, count: 10 }, { le: 0.001, count: 20 }, { le: 0.0025, count: 30 }, { le: Infinity, count: 40 },
    ]);
    expect(parseBuckets(text, VERDICT_HISTOGRAM).map((b) => b.count)).toEqual([11, 21, 31, 41]);
  });

  it('counts only the cards between two scrapes', () => {
    const before = parseBuckets(exposition([100, 150, 190, 200], [0, 0, 0, 0]), VERDICT_HISTOGRAM, 'pair');
    const after = parseBuckets(exposition([1090, 1140, 1190, 1200], [0, 0, 0, 0]), VERDICT_HISTOGRAM, 'pair');
    expect(diffBuckets(after, before).map((b) => b.count)).toEqual([990, 990, 1000, 1000]);
  });

  it('interpolates a quantile inside its bucket and names the bucket', () => {
    const buckets = [{ le: 0.0005, count: 50 }, { le: 0.001, count: 90 }, { le: 0.0025, count: 100 }, { le: Infinity, count: 100 }];
    expect(bucketQuantile(buckets, 0.5)).toEqual({ value: 0.0005, lower: 0, upper: 0.0005 });
    // Rank 99 is the 9th of the 10 cards in (1, 2.5] ms.
    const p99 = bucketQuantile(buckets, 0.99);
    expect([p99.lower, p99.upper]).toEqual([0.001, 0.0025]);
    expect(p99.value).toBeCloseTo(0.001 + 0.0015 * 0.9, 9);
    expect(bucketQuantile([{ le: 0.001, count: 0 }, { le: Infinity, count: 0 }], 0.99).value).toBeNaN();
  });

  it('says exactly whether p99 is within 1 ms, whatever the interpolation', () => {
    const within = serverTimeOf([{ le: 0.0005, count: 900 }, { le: 0.001, count: 995 }, { le: 0.0025, count: 1000 }, { le: Infinity, count: 1000 }]);
    expect(within).toMatchObject({ cards: 1000, within1MsPercent: 99.5, p99BucketMs: [0.5, 1] });
    const over = serverTimeOf([{ le: 0.0005, count: 900 }, { le: 0.001, count: 980 }, { le: 0.0025, count: 1000 }, { le: Infinity, count: 1000 }]);
    expect(over.within1MsPercent).toBe(98);
    expect(over.p99Ms).toBeGreaterThan(1);
  });
});
