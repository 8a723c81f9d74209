import { describe, expect, it } from 'vitest';
import { botDecision, STEADY_BOT } from '../../shared/bots/bot.ts';
import { challengeDay, challengeRound, dailySeed } from '../../shared/challenge/plan.ts';
import { challengeStep, startChallenge, type ChallengeEvent, type ChallengeState } from '../../shared/challenge/run.ts';
import { nextWakeAt } from '../../shared/match/engine.ts';
import { ROLES } from '../../shared/match/cards.ts';

/** Plays a challenge with bots in every seat (people included), for the engine's sake. */
function playChallenge(seed: number, reactionMs: number): { state: ChallengeState; events: ChallengeEvent[] } {
  let state = startChallenge({ seed, difficulty: 'flags', speed: 'fast', seats: 'solo', now: 0, durationMs: 60_000 });
  const events: ChallengeEvent[] = [];
  for (let i = 0; i < 5000 && !state.finished; i++) {
    const decisions = ROLES.flatMap((r) => botDecision(state.round, r, { reactionMs, errorRate: 0 }) ?? []);
    const play = decisions.sort((a, b) => a.at - b.at)[0];
    const wake = Math.min(nextWakeAt(state.round) ?? Infinity, state.endsAt);
    const input = play && play.at < wake ? play.input : { kind: 'tick' as const, now: wake };
    const r = challengeStep(state, input);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

describe('the timed challenge', () => {
  it('gives everyone the same rounds on the same day', () => {
    const seed = dailySeed(challengeDay(Date.UTC(2026, 10, 24, 8)));
    expect(seed).toBe(dailySeed('2026-11-24'));
    expect(seed).not.toBe(dailySeed('2026-11-25'));
    const plan = Array.from({ length: 8 }, (_, i) => challengeRound(seed, i));
    expect(plan).toEqual(Array.from({ length: 8 }, (_, i) => challengeRound(seed, i)));
    expect(plan.map((r) => r.role)).toEqual(['client', 'server', 'client', 'server', 'client', 'server', 'client', 'server']);
    expect(plan[0]?.lossRate).toBe(0);
    expect(plan[6]?.lossRate).toBeGreaterThan(0);
  });

  it('plays round after round until the time is up, crediting only the person\'s moves', () => {
    const { state, events } = playChallenge(dailySeed('2026-11-24'), 400);
    expect(state.finished).toBe(true);
    expect(state.roundsWon).toBeGreaterThan(2);
    expect(events.filter((e) => e.type === 'roundStarted').length).toBe(state.index);
    expect(state.moves.every((m) => m.verdict === 'correct')).toBe(true);
    expect(state.points).toBe(state.moves.reduce((n, m) => n + m.points, 0));
    expect(events.at(-1)).toEqual({ type: 'challengeOver', at: 60_000, points: state.points });
  });

  it('is the same challenge for the same seed and the same play', () => {
    const a = playChallenge(77, 500);
    const b = playChallenge(77, 500);
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });

  it('has a get-ready step before the first round only, and its clock starts after it', () => {
    let state = startChallenge({ seed: 5, difficulty: 'flags', speed: 'fast', seats: 'solo', now: 0, durationMs: 60_000, getReadyMs: 3000 });
    expect(state.startedAt).toBe(3000);
    expect(state.endsAt).toBe(63_000);
    expect(state.round.clockStartsAt).toBe(3000);
    const early = challengeStep(state, { kind: 'play', now: 2000, role: 'client', card: 'SYN' });
    expect(early.events).toEqual([{ type: 'inputRefused', at: 2000, code: 'roundNotStarted' }]);
    state = early.state;
    for (let i = 0; i < 500 && state.index === 0; i++) {
      const decisions = ROLES.flatMap((r) => botDecision(state.round, r, { reactionMs: 300, errorRate: 0 }) ?? []);
      const play = decisions.sort((a, b) => a.at - b.at)[0];
      const wake = nextWakeAt(state.round) ?? Infinity;
      state = challengeStep(state, play && play.at < wake ? play.input : { kind: 'tick', now: wake }).state;
    }
    expect(state.index).toBe(1);
    // The next round follows at once: its clock starts when it is created.
    expect(state.round.clockStartsAt).toBe(state.round.startedAt);
  });

  it('refuses input after the end', () => {
    const { state } = playChallenge(5, 300);
    expect(challengeStep(state, { kind: 'play', now: state.endsAt + 5, role: 'client', card: 'SYN' }).events[0]).toMatchObject({ type: 'inputRefused' });
    expect(STEADY_BOT.errorRate).toBe(0);
  });
});
