import type { ClassroomView, MistakeView, PairRoundView } from '../../shared/protocol.ts';
import { explainMistakeKind } from '../../shared/i18n/moveText.ts';
import { game, labelled, locale, t } from '../i18n/text.ts';
import type { StandingsLabels } from '../ui/ClassStandingsTable.ts';

/** The class's phase in one line, for the console's header. */
export function classStatus(view: ClassroomView): string {
  const params = { round: view.round, rounds: view.settings.rounds };
  switch (view.phase) {
    case 'lobby':
      return t('class.phase.lobby');
    case 'playing': {
      const line = view.paused ? t('class.phase.paused', params)
        : t('class.phase.playing', { ...params, scenario: view.scenarioId ? game(`scenario.${view.scenarioId}.title`) : '' });
      return `${line} · ${t('class.pairsPlaying', { count: view.pairsPlaying })}`;
    }
    case 'review':
      return t('class.phase.review', params);
    case 'ended':
      return t('class.phase.ended');
  }
}

/** The class's most common mistakes, one line each: how often, the kind of move, why. */
export function mistakeLines(mistakes: readonly MistakeView[]): string[] {
  if (mistakes.length === 0) return [`✓ ${t('class.noMistakes')}`];
  // The numbers and cards differ per move, so they are said generically rather than with one move's.
  return mistakes.map((m) => `✗ ${t('class.mistakeLine', { count: m.count, skill: game(`skill.${m.skill}`), why: explainMistakeKind(m.why, locale()) })}`);
}

export function standingsLabels(): StandingsLabels {
  return {
    rank: t('class.rank'), nickname: t('class.nickname'), points: t('class.points'), accuracy: t('class.accuracy'),
    percent: (value) => t('class.percent', { value }), none: t('class.none'), more: (count) => t('class.more', { count }),
  };
}

/** "Pair 2 of 6 (round 1): ● Ana · ■ Bo · Three-way handshake · ✓": one pair's kept round in the report. */
export function pairRoundLine(r: PairRoundView, index: number, count: number): string {
  const name = (role: 'client' | 'server') => r.nicknames[role] || t('waiting.bot');
  return labelled(t('class.pairRound', { n: index + 1, count, round: r.roundNo }),
    `● ${name('client')} · ■ ${name('server')} · ${game(`scenario.${r.scenarioId}.title`)} · ${r.status === 'won' ? '✓' : '◷'}`);
}
