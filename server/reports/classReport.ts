/**
 * The class report: each student's score, accuracy, accuracy per kind of move and most common
 * mistakes, ranked as on the leaderboard. Built only from what the database holds, so it is the
 * same after a server restart as before.
 */
import { rankStandings } from '../../shared/classroom/standings.ts';
import type { MoveRecord } from '../../shared/match/types.ts';
import type { ClassReport, StudentReport } from '../../shared/protocol.ts';
import { misconceptionCounts } from '../../shared/reports/misconceptions.ts';
import { commonMistakes, skillBreakdown } from '../../shared/reports/skills.ts';
import { isKeptName, type ClassRecord, type ClassRoundRecord, type StudentRecord } from '../storage/classes.ts';
import type { StoredRound } from '../storage/roundRecords.ts';
import type { RoundResult } from '../storage/roundResults.ts';

export function buildClassReport(
  klass: ClassRecord, students: readonly StudentRecord[], rounds: readonly ClassRoundRecord[], results: readonly RoundResult[],
  kept: readonly StoredRound[] = [],
): ClassReport {
  // A pair room may once have had the same code; only the class's own rows count.
  const mine = results.filter((r) => r.mode === 'class');
  // A name kept from an earlier class whose student never came has nothing to report.
  const present = students.filter((s) => !s.kicked && !isKeptName(s.tokenHash));
  const movesOf = new Map<string, MoveRecord[]>();
  const roundsOf = new Map<string, number>();
  const totals = present.map((s) => {
    const rows = mine.filter((r) => r.playerId === s.id);
    movesOf.set(s.id, rows.flatMap((r) => r.moves));
    roundsOf.set(s.id, rows.length);
    const sum = (pick: (r: RoundResult) => number) => rows.reduce((n, r) => n + pick(r), 0);
    return {
      id: s.id, nickname: s.nickname, points: sum((r) => r.points), correct: sum((r) => r.correct),
      mistakes: sum((r) => r.mistakes), missed: sum((r) => r.missed), hinted: sum((r) => r.hinted),
    };
  });
  const hintedOf = new Map(totals.map((t) => [t.id, t.hinted]));
  const reports: StudentReport[] = rankStandings(totals, klass.settings.rankBy).map((s) => {
    const moves = movesOf.get(s.id) ?? [];
    return {
      studentId: s.id, nickname: s.nickname, rank: s.rank, points: s.points, accuracy: s.accuracy, correct: s.correct,
      mistakes: s.mistakes, missed: s.missed, hinted: hintedOf.get(s.id) ?? 0, roundsPlayed: roundsOf.get(s.id) ?? 0,
      skills: skillBreakdown(moves), commonMistakes: commonMistakes(moves), misconceptions: misconceptionCounts([moves]),
    };
  });
  return {
    code: klass.code, locale: klass.locale, createdAt: klass.createdAt, endedAt: klass.endedAt,
    rounds: rounds.map((r) => ({ roundNo: r.roundNo, scenarioId: r.scenarioId, interrupted: r.interrupted })),
    students: reports,
    commonMistakes: commonMistakes(present.flatMap((s) => movesOf.get(s.id) ?? []), 5),
    pairRounds: kept.map((k) => ({
      recordId: k.id, roundNo: k.roundNo, scenarioId: k.record.scenarioId, nicknames: k.record.nicknames, status: k.record.status,
    })),
    misconceptions: misconceptionCounts(present.map((s) => movesOf.get(s.id) ?? [])),
  };
}
