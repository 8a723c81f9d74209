import { describe, expect, it } from 'vitest';
import { STEADY_BOT } from '../../shared/bots/bot.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import { createMatch } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import { EXTRA_TIME_FACTOR, withAllowance } from '../../shared/match/timeAllowance.ts';
import type { MatchSettings } from '../../shared/match/settings.ts';
import { judged, run } from './engineDriver.ts';

const base = makeSettings({ difficulty: 'flags', lossRate: 0 });
const start = (settings: MatchSettings) => createMatch({ scenarioId: 'handshake', settings, seed: 3, now: 0 });

describe('a player\'s time allowance', () => {
  it('gives the player with extra time a deadline twice as long, and the partner the usual one', () => {
    const extra = withAllowance(base, 'server', 'extra');
    // The client must send the SYN (the usual deadline); then the server must answer it.
    const s0 = start(extra);
    expect(s0.endpoints.client.deadlineAt).toBe(base.timing.deadlineMs);
    const { state } = run(s0, { kind: 'play', now: 0, role: 'client', card: 'SYN' }, { kind: 'tick', now: base.timing.latencyMs });
    expect(state.endpoints.server.deadlineAt).toBe(base.timing.latencyMs + base.timing.deadlineMs * EXTRA_TIME_FACTOR);
  });

  it('lets an untimed player take as long as they like: no deadline, no missed move, the hint still comes', () => {
    const untimed = withAllowance(base, 'server', 'untimed');
    const { state: asked } = run(start(untimed), { kind: 'play', now: 0, role: 'client', card: 'SYN' }, { kind: 'tick', now: base.timing.latencyMs });
    expect(asked.endpoints.server.deadlineAt).toBeNull();
    expect(asked.endpoints.server.expectedSince).toBe(base.timing.latencyMs);
    const later = base.timing.latencyMs + 5 * base.timing.deadlineMs;
    const { state, events } = run(asked, { kind: 'tick', now: later });
    expect(judged(events).filter((m) => m.role === 'server')).toEqual([]);
    expect(state.endpoints.server.hintAt).toBe(base.timing.latencyMs + base.timing.hintAfterMs);
    // The client's own timer still runs: its SYN is sent again meanwhile, nothing waits for the server.
    expect(events.some((e) => e.type === 'rtoFired' && e.role === 'client')).toBe(true);
  });

  it('pays the speed bonus over the player\'s own deadline: extra time costs no points', () => {
    const plain = playOut(start(base), { client: STEADY_BOT, server: STEADY_BOT }).state;
    const extra = playOut(start(withAllowance(base, 'server', 'extra')), { client: STEADY_BOT, server: STEADY_BOT }).state;
    // Answering in the same second earns more of a longer deadline's bonus, never less.
    expect(extra.scores.server.points).toBeGreaterThanOrEqual(plain.scores.server.points);
    expect(extra.scores.client.points).toBe(plain.scores.client.points);
  });
});
