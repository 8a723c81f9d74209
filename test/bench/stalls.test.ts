/**
 * The stall probe's arithmetic, which no timed run checks: GC pauses added up by kind, the
 * event-loop histogram read in milliseconds, and the line the report prints from them.
 */
import { constants, createHistogram } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { stallLine } from './report.ts';
import { runQueueSeconds } from './serverProbe.ts';
import { allocatedBytes, cardCost, loopDelayFigures, summarizeGc, type StallFigures } from './stallProbe.ts';

const { NODE_PERFORMANCE_GC_MINOR: MINOR, NODE_PERFORMANCE_GC_MAJOR: MAJOR } = constants;

describe('the server\'s stalls over a window', () => {
  it('count, add up and take the longest GC pause of each kind, mark-compacts apart from what surrounds them', () => {
    const gc = summarizeGc([
      { kind: MINOR, durationMs: 5.004 }, { kind: MAJOR, durationMs: 6.4 }, { kind: MINOR, durationMs: 9.1 },
      { kind: constants.NODE_PERFORMANCE_GC_INCREMENTAL, durationMs: 0.3 }, { kind: MINOR, durationMs: 1 },
      { kind: constants.NODE_PERFORMANCE_GC_WEAKCB, durationMs: 0.1 },
    ]);
    expect(gc).toEqual({
      minor: { count: 3, totalMs: 15.1, maxMs: 9.1 },
      major: { count: 1, totalMs: 6.4, maxMs: 6.4 },
      other: { count: 2, totalMs: 0.4, maxMs: 0.3 },
    });
    expect(summarizeGc([]).major).toEqual({ count: 0, totalMs: 0, maxMs: 0 });
  });

  it('read the event-loop histogram, which is in nanoseconds, in milliseconds as it stands', () => {
    const histogram = createHistogram();
    for (let i = 0; i < 998; i++) histogram.record(2_050_000);
    histogram.record(12_000_000);
    histogram.record(27_000_000);
    const delay = loopDelayFigures(histogram, 2);
    expect(delay).toMatchObject({ resolutionMs: 2, p50Ms: expect.closeTo(2.05, 1), maxMs: expect.closeTo(27, 0) });
    expect(delay.p99Ms).toBeCloseTo(2.05, 1);
    expect(delay.p999Ms).toBeCloseTo(12, 0);
    // No sample is no figure, not the histogram's empty-state zero.
    expect(loopDelayFigures(createHistogram(), 2).maxMs).toBeNaN();
  });

  it('print in one line what a reader needs to tell whether the tail is the server\'s', () => {
    const stalls: StallFigures = {
      windowMs: 20_000,
      loopDelay: { resolutionMs: 2, p50Ms: 2.06, p99Ms: 4.1, p999Ms: 12, maxMs: 27 },
      gc: { minor: { count: 14, totalMs: 96, maxMs: 9.1 }, major: { count: 1, totalMs: 6.4, maxMs: 6.4 }, other: { count: 0, totalMs: 0, maxMs: 0 } },
      allocatedBytes: 300e6,
    };
    expect(stallLine('at 500 pairs', stalls)).toBe('server stalls at 500 pairs: event-loop delay p99 4.1 / p99.9 12.0 / max 27.0 ms; '
      + 'GC 14 scavenges (max 9.1 ms, 96.0 ms in all), 1 mark-compact (max 6.4 ms)');
    const other = { count: 1, totalMs: 0.4, maxMs: 0.4 };
    expect(stallLine('at 50 pairs', { ...stalls, gc: { ...stalls.gc, minor: { count: 1, totalMs: 3, maxMs: 3 }, other } }))
      .toMatch(/GC 1 scavenge \(max 3\.0 ms, 3\.0 ms in all\), 1 mark-compact \(max 6\.4 ms\), 1 other pause \(max 0\.4 ms\)$/);
    const none = { count: 0, totalMs: 0, maxMs: 0 };
    expect(stallLine('in the class of 50', { ...stalls, gc: { minor: none, major: none, other: none } })).toMatch(/; GC 0 scavenges, 0 mark-compacts$/);
    // Time the server's thread waited for a core, when the kernel told it.
    expect(stallLine('at 1000 pairs', stalls, 9.5)).toMatch(/\(max 6\.4 ms\); waited for a core 9\.5% of the window$/);
  });

  it('count as allocated what the heap grew by between collections, from the window\'s start to its end', () => {
    // 10 → 40 MB, collected to 5; 5 → 35, collected to 6; 6 → 16 at the end: 30 + 30 + 10.
    expect(allocatedBytes(10, [{ before: 40, after: 5 }, { before: 35, after: 6 }], 16)).toBe(70);
    expect(allocatedBytes(10, [], 25)).toBe(15);
    // A collection at the very start takes away; it allocates nothing.
    expect(allocatedBytes(10, [{ before: 10, after: 4 }], 4)).toBe(0);
  });

  it('give allocation per judged card and scavenges per 1,000 cards, or nothing without cards', () => {
    const none = { count: 0, totalMs: 0, maxMs: 0 };
    const stalls: StallFigures = {
      windowMs: 20_000, loopDelay: { resolutionMs: 2, p50Ms: 2, p99Ms: 4, p999Ms: 12, maxMs: 27 },
      gc: { minor: { count: 14, totalMs: 96, maxMs: 9.1 }, major: none, other: none }, allocatedBytes: 280e6,
    };
    expect(cardCost(stalls, 20_000)).toEqual({ allocatedBytesPerCard: 14_000, scavengesPer1000Cards: 0.7 });
    expect(cardCost(stalls, 0)).toBeNull();
  });

  it('read from the kernel how long a process waited for a core', () => {
    const waited = runQueueSeconds(process.pid);
    expect(waited).toBeGreaterThanOrEqual(0);
    expect(runQueueSeconds(process.pid)).toBeGreaterThanOrEqual(waited);
    expect(runQueueSeconds(2 ** 30)).toBeNaN();
  });
});
