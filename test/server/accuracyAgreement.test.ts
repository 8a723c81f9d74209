import { describe, expect, it } from 'vitest';
import { rankStandings } from '../../shared/classroom/standings.ts';
import { tallyChallenge } from '../../shared/challenge/tally.ts';
import { accuracyPercent } from '../../shared/match/accuracy.ts';
import { skillBreakdown } from '../../shared/reports/skills.ts';
import type { ClassReport } from '../../shared/protocol.ts';
import { classReportCsv } from '../../server/reports/classReportCsv.ts';

describe('accuracy, one figure everywhere', () => {
  it('shows 2 right of 3 as 66 % on the projector, in the report spreadsheet and in a challenge', () => {
    const [row] = rankStandings([{ id: 's1', nickname: 'Ada', points: 160, correct: 2, mistakes: 1, missed: 0 }]);
    expect(row?.accuracy).toBe(66);
    expect(tallyChallenge([{ verdict: 'correct' }, { verdict: 'correct' }, { verdict: 'wrongCard' }]).accuracy).toBe(66);
    const skills = skillBreakdown([
      { skill: 'open', verdict: 'correct' }, { skill: 'open', verdict: 'correct' }, { skill: 'open', verdict: 'wrongCard' },
    ]);
    expect(skills[0]?.accuracy).toBe(66);
    const report: ClassReport = {
      code: 'AB3K7', locale: 'en', createdAt: 0, endedAt: null, rounds: [], commonMistakes: [], misconceptions: [], pairRounds: [],
      students: [{
        studentId: 's1', nickname: 'Ada', rank: 1, points: 160, accuracy: row?.accuracy ?? -1, correct: 2, mistakes: 1, missed: 0,
        hinted: 0, roundsPlayed: 1, skills, commonMistakes: [], misconceptions: [],
      }],
    };
    expect(classReportCsv(report, 'en').split('\r\n')[1]).toMatch(/^1,"Ada",160,66,2,1,0,0,1,66,/);
  });

  it('rounds down, so only a perfect run is 100 %, and is 0 with nothing judged', () => {
    expect(accuracyPercent({ correct: 299, mistakes: 1, missed: 0 })).toBe(99);
    expect(accuracyPercent({ correct: 3, mistakes: 0, missed: 0 })).toBe(100);
    expect(accuracyPercent({ correct: 0, mistakes: 0, missed: 0 })).toBe(0);
  });
});
