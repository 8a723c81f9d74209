/**
 * The class report as a spreadsheet: one row per student, headings in the teacher's language,
 * a column per kind of move the class met. Written with csv.ts, so it opens correctly in Excel
 * and LibreOffice (Chinese nicknames included) and no cell can be a formula.
 */
import { translate } from '../../shared/i18n/translate.ts';
import { explainMistakeKind } from '../../shared/i18n/moveText.ts';
import type { Locale } from '../../shared/i18n/messages.ts';
import { judgedMoves } from '../../shared/match/accuracy.ts';
import { SKILLS } from '../../shared/match/types.ts';
import type { ClassReport } from '../../shared/protocol.ts';
import { toCsv } from './csv.ts';

export function classReportCsv(report: ClassReport, locale: Locale): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const met = SKILLS.filter((skill) => report.students.some((s) => s.skills.some((l) => l.skill === skill)));
  const header = [
    t('report.rank'), t('report.nickname'), t('report.points'), t('report.accuracy'), t('report.correct'), t('report.mistakes'),
    t('report.missed'), t('report.hints'), t('report.rounds'), ...met.map((skill) => t('report.skillAccuracy', { skill: t(`skill.${skill}`) })),
    t('report.commonMistake'),
  ];
  const rows = report.students.map((s) => {
    const top = s.commonMistakes[0];
    return [
      s.rank, s.nickname, s.points, judgedMoves(s) === 0 ? '' : s.accuracy, s.correct, s.mistakes, s.missed, s.hinted, s.roundsPlayed,
      ...met.map((skill) => {
        const line = s.skills.find((l) => l.skill === skill);
        return line ? line.accuracy : '';
      }),
      // The explanation's placeholders (an expected number) differ from move to move: elided.
      top ? `${t(`skill.${top.skill}`)}: ${explainMistakeKind(top.why, locale)} (×${top.count})` : '',
    ];
  });
  return toCsv(header, rows);
}
