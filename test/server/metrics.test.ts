/**
 * GET /metrics: Prometheus text that moves with the game (a card played shows in the cards
 * judged and the card→verdict latency), Node's event-loop delay, and the token it wants when
 * METRICS_TOKEN is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootGame, me, pairUp, play, testConfig, TEST_URL, type TestServer } from './gameServer.ts';

const TOKEN = 'a-scraper-token-of-some-length';
let colyseus: TestServer;
beforeAll(async () => {
  const config = testConfig();
  colyseus = await bootGame({ ...config, cluster: { ...config.cluster, metricsToken: TOKEN } });
});
afterAll(async () => { await colyseus.shutdown(); });

const scrape = async (): Promise<string> => {
  const res = await fetch(`${TEST_URL}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

/** The value of one sample, 0 when the line is not there yet. */
const sample = (text: string, line: string): number => {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
};

describe('GET /metrics', () => {
  it('counts a played card, its verdict latency, rooms and clients, and reports event-loop delay', async () => {
    const before = await scrape();
    const { a, b } = await pairUp(colyseus, ['handshake']);
    const client = me(a).role === 'client' ? a : b;
    expect((await play(client, { card: 'SYN' })).move.verdict).toBe('correct');
    const after = await scrape();

    expect(sample(after, 'tango_cards_judged_total{room="pair",verdict="correct"}'))
      .toBe(sample(before, 'tango_cards_judged_total{room="pair",verdict="correct"}') + 1);
    expect(sample(after, 'tango_card_verdict_seconds_count{room="pair"}')).toBe(sample(before, 'tango_card_verdict_seconds_count{room="pair"}') + 1);
    expect(sample(after, 'tango_card_verdict_seconds_bucket{le="0.25",room="pair"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'tango_rooms')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'tango_clients')).toBe(sample(before, 'tango_clients') + 2);
    expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    expect((await fetch(`${TEST_URL}/metrics`)).status).toBe(401);
    expect((await fetch(`${TEST_URL}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });
});
