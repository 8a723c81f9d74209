/**
 * The class report as a spreadsheet: one row per student, headings in the teacher's language,
 * a column per kind of move the class met and per misconception its wrong moves showed (how many
 * times each student showed it); under the students, after an empty row, the class's
 * misconceptions with how many students showed each and what to reteach. Written with csv.ts, so it opens correctly in Excel
 * and LibreOffice (Chinese nicknames included) and no cell can be a formula.
 */
import { translate } from '../../shared/i18n/translate.ts';
import { misconceptionHeadings, misconceptionText } from '../../shared/i18n/misconceptionTexts.ts';
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
    t('report.commonMistake'), ...report.misconceptions.map((m) => misconceptionText(m.id, locale).name),
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
      ...report.misconceptions.map((m) => s.misconceptions.find((own) => own.id === m.id)?.count ?? 0),
    ];
  });
  return toCsv(header, [...rows, ...classMisconceptionRows(report, locale)]);
}

/** The class summary under the students: a heading row, then one row per misconception met. */
function classMisconceptionRows(report: ClassReport, locale: Locale): (string | number)[][] {
  if (report.misconceptions.length === 0) return [];
  const h = misconceptionHeadings(locale);
  return [
    [],
    [h.misconception, h.students, h.moves, h.reteach],
    ...report.misconceptions.map((m) => {
      const text = misconceptionText(m.id, locale);
      return [text.name, m.students, m.count, text.reteach];
    }),
  ];
}
