import { describe, expect, it } from 'vitest';
import { tallyChallenge } from '../../shared/challenge/tally.ts';
import type { MoveRecord } from '../../shared/match/types.ts';

const moves = (verdicts: string): Pick<MoveRecord, 'verdict'>[] =>
  [...verdicts].map((v) => ({ verdict: v === 'c' ? 'correct' : v === 'w' ? 'wrongCard' : 'missedDeadline' }));

describe('a challenge tally', () => {
  it('counts a streak across rounds, broken by a wrong card or a missed deadline', () => {
    expect(tallyChallenge(moves('ccwcccmcc'))).toEqual({ correct: 7, judged: 9, accuracy: 77, streak: 2, bestStreak: 3 });
  });

  it('rounds accuracy down, so only a perfect run shows 100 %', () => {
    expect(tallyChallenge(moves(`${'c'.repeat(299)}w`)).accuracy).toBe(99);
    expect(tallyChallenge(moves('ccc')).accuracy).toBe(100);
  });

  it('gives 0 % when nothing was judged', () => {
    expect(tallyChallenge([])).toEqual({ correct: 0, judged: 0, accuracy: 0, streak: 0, bestStreak: 0 });
  });
});
