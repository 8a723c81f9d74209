import { podiumOf } from '../../shared/classroom/podium.ts';
import { hardestStep } from '../../shared/classroom/stepTally.ts';
import type { ClassroomView } from '../../shared/protocol.ts';
import { game, t } from '../i18n/text.ts';
import type { ClassReviewLabels, ReviewContent } from '../ui/ClassReview.ts';
import type { PairStageLabels } from '../ui/PairStage.ts';
import type { PairTileLabels } from '../ui/PairTiles.ts';
import { mistakeLines } from './classTexts.ts';

export function tileLabels(): PairTileLabels {
  return {
    pair: (number) => t('show.pairNumber', { number }), bot: t('show.bot'), stuck: t('show.stuck'),
    streak: (count) => t('show.streak', { count }), won: t('show.won'), timeUp: t('show.timeUp'), waiting: t('show.waiting'),
    right: (count, progress) => t('show.right', { count, progress }), more: (count) => t('show.more', { count }),
  };
}

/** `title(names)`: the pair's heading, with its nicknames or without. */
export function stageLabels(pair: { number: number; client: string; server: string } | null): PairStageLabels {
  const name = (n: string): string => (n === '' ? t('show.bot') : n);
  return {
    ladder: { roles: { client: t('role.client'), server: t('role.server') }, lost: t('match.lost'), missed: t('match.missed') },
    back: t('show.back'), hideNames: t('show.hideNames'), showNames: t('show.showNames'),
    title: (names) => {
      if (!pair) return '';
      const number = t('show.pairNumber', { number: pair.number });
      return names ? t('show.watching', { pair: number, client: name(pair.client), server: name(pair.server) }) : number;
    },
    states: (clientState, serverState) => t('show.stateLine', { clientState, serverState }),
  };
}

export function reviewLabels(): ClassReviewLabels {
  return {
    podium: { title: t('show.podium'), points: (points) => t('show.points', { points }), nobody: t('show.nobodyScored') },
    chart: {
      title: t('show.chartTitle'), step: (skill) => game(`skill.${skill}`), hardest: t('show.hardest'), none: t('show.noSteps'),
      counts: (s) => t('show.chartCounts', { right: s.right, wrong: s.wrong, late: s.late }),
    },
  };
}

/** The next round's scenario and what it teaches, or that none is left. */
export function nextRoundLines(view: ClassroomView): string[] {
  const id = view.nextScenarioId;
  if (id === '') return view.round > 0 ? [t('show.lastRound')] : [];
  const title = game(`scenario.${id}.title`);
  return [t(view.round === 0 ? 'show.first' : 'show.next', { scenario: title }), game(`scenario.${id}.goal`)];
}

/** What the review shows of `view`; the common mistakes only on the projector. */
export function reviewContent(view: ClassroomView, projector: boolean): ReviewContent {
  return {
    podium: podiumOf(view.leaderboard), steps: view.steps, hardest: hardestStep(view.steps)?.skill ?? null,
    next: nextRoundLines(view), mistakes: projector ? [t('class.mistakesTitle'), ...mistakeLines(view.mistakes)] : [],
  };
}
