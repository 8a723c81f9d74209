/**
 * The bench's bare room (server/rooms/bench/BareRoom.ts), which only a server started with
 * BENCH_BARE_ROOM=1 has: each card gets the fixed verdict as its reply, and both clients a
 * patch of as many bytes of state as the creator asked for; its latency is counted apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { BENCH_BARE_ROOM } from '../../server/rooms/bench/benchRooms.ts';
import { CLIENT_MSG, type PlayReply } from '../../shared/protocol.ts';
import { bootGame, freshClient, testConfig, TEST_URL, until, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame({ ...testConfig(), benchBareRoom: true }); });
afterAll(async () => { await colyseus.shutdown(); });

interface BareView { filler: string; cards: number; landed: string; landings: number }

describe('the bench\'s bare room', () => {
  it('answers every card with the fixed verdict and shows both clients a patch of the asked size', async () => {
    const client = freshClient();
    const a = await client.create(BENCH_BARE_ROOM, { patchBytes: 300 }) as Room<BareView>;
    const b = await client.joinById(a.roomId, {}) as Room<BareView>;
    const reply = await a.request(CLIENT_MSG.play, { card: 'SYN' }) as PlayReply;
    expect(reply.move).toMatchObject({ verdict: 'correct', card: 'SYN' });
    for (const room of [a, b]) {
      const state = await until(room as never, (s: BareView) => s.cards === 1);
      expect((state as BareView).filler).toHaveLength(300);
    }
    const metrics = await (await fetch(`${TEST_URL}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`tango_card_verdict_seconds_count\\{room="${BENCH_BARE_ROOM}"\\} 1\\b`));
    await Promise.all([a.leave(), b.leave()]);
  });

  it('lands each card after the asked delay, a second patch to both clients, when asked to', async () => {
    const client = freshClient();
    const a = await client.create(BENCH_BARE_ROOM, { patchBytes: 100, landingMs: 200 }) as Room<BareView>;
    const b = await client.joinById(a.roomId, {}) as Room<BareView>;
    const played = Date.now();
    await a.request(CLIENT_MSG.play, { card: 'SYN' });
    expect(a.state.landings).toBe(0);
    for (const room of [a, b]) {
      const state = await until(room as never, (s: BareView) => s.landings === 1) as BareView;
      expect(state.landed).toHaveLength(100);
    }
    expect(Date.now() - played).toBeGreaterThanOrEqual(190);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('lands only the asked share of its cards, evenly, so its frames per card can match a pair room\'s', async () => {
    const client = freshClient();
    const a = await client.create(BENCH_BARE_ROOM, { patchBytes: 10, landingMs: 50, landingShare: 0.5 }) as Room<BareView>;
    const b = await client.joinById(a.roomId, {}) as Room<BareView>;
    for (let i = 0; i < 4; i++) await a.request(CLIENT_MSG.play, { card: 'SYN' });
    await until(b as never, (s: BareView) => s.cards === 4 && s.landings === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(b.state.landings).toBe(2);
    await Promise.all([a.leave(), b.leave()]);
  });
});

