import { describe, expect, it } from 'vitest';
import { classSettingsWith, DEFAULT_CLASS_SETTINGS } from '../../shared/classroom/settings.ts';
import { scoreOfMoves } from '../../shared/classroom/standings.ts';
import { classSettingsPatchSchema } from '../../shared/validation.ts';

describe('class settings', () => {
  it('play a new playlist once through unless the teacher says how many rounds', () => {
    expect(classSettingsWith(DEFAULT_CLASS_SETTINGS, { playlist: ['handshake', 'lost-syn'] }).rounds).toBe(2);
    expect(classSettingsWith(DEFAULT_CLASS_SETTINGS, { playlist: ['handshake'], rounds: 5 }).rounds).toBe(5);
  });

  it('bring random loss with expert, unless a loss rate is given', () => {
    expect(classSettingsWith(DEFAULT_CLASS_SETTINGS, { difficulty: 'expert' }).lossRate).toBe(0.1);
    expect(classSettingsWith(DEFAULT_CLASS_SETTINGS, { difficulty: 'expert', lossRate: 0 }).lossRate).toBe(0);
  });

  it('refuse what a round cannot be played with', () => {
    for (const bad of [{ rounds: 0 }, { lossRate: 0.5 }, { roundSeconds: 5 }, { playlist: [] }, { playlist: ['nope'] }, { speed: 'warp' }, { extra: 1 }]) {
      expect(classSettingsPatchSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(classSettingsPatchSchema.safeParse({ roundSeconds: 0 }).success).toBe(true);
    expect(classSettingsPatchSchema.safeParse({ roundSeconds: 60 }).success).toBe(true);
  });
});

describe('a student\'s own score', () => {
  it('adds up the points and verdicts of the moves they made, streaks included', () => {
    const moves = [
      { points: 150, verdict: 'correct' }, { points: 160, verdict: 'correct' }, { points: -40, verdict: 'wrongCard' },
      { points: -20, verdict: 'missedDeadline' }, { points: 75, verdict: 'correct', hinted: true },
      // A stale card costs nothing and does not break the streak.
      { points: 0, verdict: 'stale' }, { points: 150, verdict: 'correct' },
    ] as const;
    expect(scoreOfMoves(moves)).toEqual({ points: 475, correct: 4, mistakes: 1, missed: 1, hinted: 1, bestStreak: 2 });
    expect(scoreOfMoves([])).toEqual({ points: 0, correct: 0, mistakes: 0, missed: 0, hinted: 0, bestStreak: 0 });
  });
});
