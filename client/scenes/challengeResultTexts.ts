import type { ChallengeMistake, ChallengeResultPayload } from '../../shared/protocol.ts';
import { collapseLines, mistakeLine as formatMistake } from '../../shared/i18n/moveText.ts';
import { game, locale, t } from '../i18n/text.ts';
import type { Stat } from '../ui/StatTiles.ts';
import { ROLE_MARK } from '../ui/theme.ts';

/** The texts of the challenge's end screen, in the player's language. */

/** One wrong move of the run, explained: its round, scenario and role, then the shared formatter's line. */
export function mistakeLine(m: ChallengeMistake): string {
  const label = `${t('challenge.mistakeRound', { round: m.roundIndex + 1 })} · ${game(`scenario.${m.scenarioId}.title`)} · ${ROLE_MARK[m.role]} ${t(`role.${m.role}`)}`;
  return formatMistake(m, locale(), label);
}

/**
 * Every mistake listed (the server sends the first 50), identical ones once with a count, the
 * player's own first and a pair partner's under their own heading; then how many more there were.
 */
export function mistakeLines(r: ChallengeResultPayload): string[] {
  const collapse = (ms: readonly ChallengeMistake[]): string[] => collapseLines(ms.map(mistakeLine), locale());
  const partner = r.mistakes.filter((m) => !m.mine);
  const lines = [...collapse(r.mistakes.filter((m) => m.mine)), ...(partner.length ? [t('challenge.partnerMistakes'), ...collapse(partner)] : [])];
  if (r.mistakeCount > r.mistakes.length) lines.push(t('challenge.more', { count: r.mistakeCount - r.mistakes.length }));
  return lines;
}

/** "Daily challenge 2026-11-24 · Flags · Solo". */
export function summaryLine(r: ChallengeResultPayload): string {
  const difficulty = t(`difficulty.${r.difficulty}`);
  const seats = t(`challenge.${r.seats}`);
  return r.kind === 'daily' ? t('challenge.summaryDaily', { day: r.day, difficulty, seats }) : t('challenge.summaryFree', { difficulty, seats });
}

/** The big numbers; '…' for each while the result is on its way. */
export function stats(r: ChallengeResultPayload | null): Stat[] {
  return [
    { label: t('challenge.points'), value: r ? String(r.points) : '…' },
    { label: t('challenge.accuracy'), value: r ? t('challenge.percent', { value: r.accuracy }) : '…' },
    { label: t('challenge.bestStreak'), value: r ? String(r.bestStreak) : '…' },
    { label: t('challenge.roundsWon'), value: r ? t('challenge.outOf', { won: r.roundsWon, played: r.roundsPlayed }) : '…' },
  ];
}

/** Whether the run is on the board, and where (a ♛ when it is). */
export function standingLine(r: ChallengeResultPayload): string {
  return `${r.standing === 'ranked' ? '♛' : 'ℹ'} ${game(`challenge.standing.${r.standing}`, { rank: r.rank, size: r.boardSize })}`;
}
