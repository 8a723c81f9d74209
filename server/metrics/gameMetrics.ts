/**
 * What this process tells a Prometheus scraper (GET /metrics): its rooms and clients, the cards
 * it judged and how long each took from the message's arrival to its verdict, and Node's own
 * figures (event-loop delay, CPU, memory). One registry per process, as the matchmaker is one
 * per process: a cluster is read by scraping every process and summing.
 */
import { matchMaker } from '@colyseus/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Verdict } from '../../shared/match/types.ts';

export const metricsRegistry = new Registry();

// Event-loop delay (nodejs_eventloop_lag_*), CPU, memory and GC, sampled by prom-client itself.
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 10 });

new Gauge({
  name: 'tango_rooms',
  help: 'Rooms open in this process.',
  registers: [metricsRegistry],
  collect() {
    this.set(matchMaker.stats.local.roomCount);
  },
});

new Gauge({
  name: 'tango_clients',
  help: 'WebSocket clients connected to rooms of this process.',
  registers: [metricsRegistry],
  collect() {
    this.set(matchMaker.stats.local.ccu);
  },
});

/**
 * Cards judged, by room type and verdict, counted here and handed to prom-client when it is
 * scraped: its `inc` turns the labels into a key string at every call, and this runs at every
 * card of every room (issue 21).
 */
const judgedCounts = new Map<string, Map<Verdict, number>>();

new Counter({
  name: 'tango_cards_judged_total',
  help: 'Cards played and judged, by room type and verdict.',
  labelNames: ['room', 'verdict'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [room, byVerdict] of judgedCounts) for (const [verdict, n] of byVerdict) this.inc({ room, verdict }, n);
  },
});

const verdictLatency = new Histogram({
  name: 'tango_card_verdict_seconds',
  help: "From a card's message reaching its room to its verdict being ready to send.",
  labelNames: ['room'] as const,
  // A verdict is a table look-up: anything past a few milliseconds is the event loop's delay.
  // Finer around 1 ms, the target of its p99 (issue 21), so a p99 read from the buckets is close.
  buckets: [0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
  registers: [metricsRegistry],
});

/**
 * The histogram's series of each room type, taken once: `observe(labels, value)` makes a
 * closure and checks for exemplars at every call, and this runs at every card of every room.
 */
const verdictLatencyOf = new Map<string, Histogram.Internal<'room'>>();

/** One card judged in a room of type `room`, `seconds` after its message arrived. */
export function countVerdict(room: string, verdict: Verdict, seconds: number): void {
  let byVerdict = judgedCounts.get(room);
  if (!byVerdict) judgedCounts.set(room, (byVerdict = new Map()));
  byVerdict.set(verdict, (byVerdict.get(verdict) ?? 0) + 1);
  let latency = verdictLatencyOf.get(room);
  if (!latency) verdictLatencyOf.set(room, (latency = verdictLatency.labels({ room })));
  latency.observe(seconds);
}
