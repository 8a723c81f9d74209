import type { ClassroomView, MistakeView } from '../../shared/protocol.ts';
import { explainMistakeKind } from '../../shared/i18n/moveText.ts';
import { game, locale, t } from '../i18n/text.ts';
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
