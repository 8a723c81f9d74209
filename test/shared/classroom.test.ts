import { describe, expect, it } from 'vitest';
import { BOT_SEAT, historyOf, pairStudents } from '../../shared/classroom/pairing.ts';
import { rankStandings } from '../../shared/classroom/standings.ts';
import { commonMistakes, skillBreakdown } from '../../shared/reports/skills.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);

describe('pairing a class', () => {
  it('seats everyone exactly once and gives the odd student a bot', () => {
    for (const n of [1, 2, 7, 40, 41]) {
      const pairs = pairStudents(ids(n), 1, 1);
      const seated = pairs.flatMap((p) => [p.client, p.server]);
      expect(seated.filter((s) => s !== BOT_SEAT).sort()).toEqual(ids(n).sort());
      expect(seated.filter((s) => s === BOT_SEAT)).toHaveLength(n % 2);
    }
  });

  it('swaps every student\'s role from one round to the next', () => {
    let history = historyOf(pairStudents(ids(40), 3, 1));
    for (let round = 2; round <= 5; round++) {
      const pairs = pairStudents(ids(40), 3, round, history);
      for (const p of pairs) {
        if (p.client !== BOT_SEAT) expect(history.lastRole.get(p.client), `${p.client} in round ${round}`).not.toBe('client');
      }
      history = historyOf(pairs);
    }
  });

  it('avoids last round\'s partner when the class is big enough', () => {
    const first = pairStudents(ids(10), 5, 1);
    const history = historyOf(first);
    const second = pairStudents(ids(10), 5, 2, history);
    for (const p of second) expect(history.lastPartner.get(p.client)).not.toBe(p.server);
  });

  it('is the same for the same seed and round', () => {
    expect(pairStudents(ids(9), 8, 2)).toEqual(pairStudents(ids(9), 8, 2));
  });
});

describe('the leaderboard', () => {
  it('ranks by points then accuracy, and ties share a rank', () => {
    const row = (id: string, points: number, correct: number, mistakes: number) => ({ id, nickname: id, points, correct, mistakes, missed: 0 });
    const ranked = rankStandings([row('a', 300, 3, 0), row('b', 500, 5, 1), row('c', 300, 3, 0), row('d', 300, 3, 3)]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
    expect(ranked[3]?.accuracy).toBe(50);
  });
});

describe('skill reports', () => {
  const moves = [
    { skill: 'ackFin', verdict: 'wrongCard', why: 'hint.ackFin' },
    { skill: 'ackFin', verdict: 'wrongCard', why: 'hint.ackFin' },
    { skill: 'ackFin', verdict: 'correct', why: 'why.sendAck' },
    { skill: 'open', verdict: 'correct', why: 'why.activeOpen' },
    { skill: 'completeHandshake', verdict: 'wrongNumbers', why: 'mistake.wrongAck' },
  ] as const;

  it('gives accuracy per kind of move in teaching order', () => {
    expect(skillBreakdown(moves)).toEqual([
      { skill: 'open', correct: 1, wrong: 0, accuracy: 100 },
      { skill: 'completeHandshake', correct: 0, wrong: 1, accuracy: 0 },
      { skill: 'ackFin', correct: 1, wrong: 2, accuracy: 33 },
    ]);
  });

  it('names the most common mistakes first', () => {
    expect(commonMistakes(moves)).toEqual([
      { skill: 'ackFin', why: 'hint.ackFin', count: 2 },
      { skill: 'completeHandshake', why: 'mistake.wrongAck', count: 1 },
    ]);
  });
});
