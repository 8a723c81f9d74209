import { describe, expect, it } from 'vitest';
import { playOut } from '../../shared/bots/playOut.ts';
import { createMatch, nextWakeAt } from '../../shared/match/engine.ts';
import { makeSettings, type Difficulty } from '../../shared/match/settings.ts';
import { correctPoints, SCORING } from '../../shared/match/scoring.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { judged, run } from './engineDriver.ts';

function start(difficulty: Difficulty = 'flags', getReadyMs = 0): MatchState {
  return createMatch({ scenarioId: 'handshake', settings: makeSettings({ difficulty, lossRate: 0 }), seed: 11, now: 1000, getReadyMs });
}

describe('the ★ hint shows after a hesitation or a mistake', () => {
  it('shows a move\'s hint only after the hesitation time, never in Expert', () => {
    const s = start();
    expect(s.endpoints.client.hintAt).toBe(1000 + s.settings.timing.hintAfterMs);
    expect(s.endpoints.server.hintAt).toBeNull();
    expect(start('expert').endpoints.client.hintAt).toBeNull();
  });

  it('pays an unaided move in full and records it as not hinted', () => {
    const { state, events } = run(start(), { kind: 'play', now: 2000, role: 'client', card: 'SYN' });
    expect(judged(events)[0]).toMatchObject({ verdict: 'correct', hinted: false });
    expect(judged(events)[0]!.points).toBeGreaterThan(SCORING.base);
    expect(state.scores.client.hinted).toBe(0);
  });

  it('pays a move made with the hint showing half the base and no speed bonus, and counts it', () => {
    const s = start();
    const { state, events } = run(s, { kind: 'play', now: s.endpoints.client.hintAt!, role: 'client', card: 'SYN' });
    expect(judged(events)[0]).toMatchObject({ verdict: 'correct', hinted: true, points: SCORING.hintedBase });
    expect(correctPoints(0, 1, 'hinted')).toBe(SCORING.hintedBase);
    expect(state.scores.client).toMatchObject({ hinted: 1, correct: 1, points: SCORING.hintedBase });
  });

  it('shows the hint at once after a mistake, and the right card then counts as hinted', () => {
    const { state, events } = run(start(),
      { kind: 'play', now: 1500, role: 'client', card: 'FIN' },
      { kind: 'play', now: 1600, role: 'client', card: 'SYN' });
    expect(judged(events).map((m) => [m.verdict, m.hinted])).toEqual([['wrongCard', false], ['correct', true]]);
    expect(state.scores.client.hinted).toBe(1);
  });

  it('starts a new move with its hint hidden again', () => {
    const { state } = run(start(),
      { kind: 'play', now: 1500, role: 'client', card: 'FIN' },
      { kind: 'play', now: 1600, role: 'client', card: 'SYN' },
      { kind: 'tick', now: 1600 + 800 });
    expect(state.endpoints.server.hintAt).toBe(2400 + state.settings.timing.hintAfterMs);
  });
});

describe('the get-ready step before a round\'s clock starts', () => {
  it('refuses a card before the clock starts, and changes nothing', () => {
    const s = start('flags', 3000);
    expect(s.clockStartsAt).toBe(4000);
    const { state, events } = run(s, { kind: 'play', now: 3999, role: 'client', card: 'SYN' });
    expect(events).toEqual([{ type: 'inputRefused', at: 3999, code: 'roundNotStarted' }]);
    expect(state.wire).toEqual([]);
    expect(state.moves).toEqual([]);
  });

  it('starts deadlines, hints and the time limit from the clock start', () => {
    const s = start('flags', 3000);
    expect(s.endpoints.client.deadlineAt).toBe(4000 + s.settings.timing.deadlineMs);
    expect(s.endpoints.client.expectedSince).toBe(4000);
    expect(s.endpoints.client.hintAt).toBe(4000 + s.settings.timing.hintAfterMs);
    expect(s.endsAt - s.clockStartsAt).toBe(start().endsAt - start().clockStartsAt);
    expect(nextWakeAt(s)).toBeGreaterThan(4000);
    expect(run(s, { kind: 'play', now: 4000, role: 'client', card: 'SYN' }).events.some((e) => e.type === 'segmentSent')).toBe(true);
  });

  it('lets a bot play its first card only after the clock starts', () => {
    const s = start('flags', 3000);
    const { state } = playOut(s, { client: { reactionMs: 200, errorRate: 0 }, server: { reactionMs: 200, errorRate: 0 } });
    expect(state.status).toBe('won');
    expect(state.moves[0]!.at).toBe(4000 + 200);
  });

  it('plays a round exactly as before when there is no get-ready step', () => {
    const bots = { client: { reactionMs: 700, errorRate: 0.9 }, server: { reactionMs: 900, errorRate: 0.9 } };
    const a = playOut(start('flags', 0), bots).state;
    const b = playOut(start('flags', 2500), bots).state;
    expect(b.moves.map((m) => ({ ...m, at: m.at - 2500 }))).toEqual(a.moves);
    expect(b.scores).toEqual(a.scores);
    expect(b.moves.some((m) => m.verdict !== 'correct')).toBe(true);
  });
});
