import { collapseLines, mistakeLine, mistakesByOwner, type JudgedMove } from '../../shared/i18n/moveText.ts';
import type { Locale } from '../../shared/i18n/messages.ts';
import type { PairRoomView } from '../../shared/protocol.ts';
import type { UiKey } from '../i18n/en.ts';

/** The client's words, passed in so that this stays a pure function a test can call without a page. */
export interface RoundWords {
  readonly t: (key: UiKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly locale: Locale;
}

/**
 * What went wrong in the round: the player's own mistakes first, then their partner's (a bot's
 * too) under a heading that says whose they are; identical lines once, with a count.
 */
export function roundMistakesText(view: Pick<PairRoomView, 'players' | 'moves'>, sessionId: string, { t, locale }: RoundWords): string {
  const me = view.players.get(sessionId);
  const { own, partner } = mistakesByOwner(view.moves, me?.role ?? null);
  const lines = (moves: readonly JudgedMove[], withRole: boolean): string[] =>
    collapseLines(moves.map((m) => mistakeLine(m, locale, withRole ? `${t(`role.${m.role}`)} · ${m.state}` : m.state)), locale);
  const text = [t('result.mistakes'), ...(own.length ? lines(own, !me) : [`✓ ${t('result.noMistakes')}`])];
  if (partner.length) {
    const role = partner[0]!.role;
    const other = [...view.players.values()].find((p) => p.sessionId !== sessionId && p.role === role);
    const name = other?.nickname ? `${other.nickname}${other.isBot ? ` (${t('waiting.bot')})` : ''}` : t('waiting.bot');
    text.push(t('result.partnerMistakes', { name, role: t(`role.${role}`) }), ...lines(partner, false));
  }
  return text.join('\n');
}
