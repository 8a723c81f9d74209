import type { MoveView } from '../protocol.ts';
import { REFUSALS } from '../tcp/table.ts';
import type { Locale } from './messages.ts';
import { isMessageKey, translate } from './translate.ts';

/**
 * The one place a judged move becomes words: the explanation panel, the round result and the
 * challenge's end screen all format moves here, so their texts and fallbacks cannot drift apart.
 */

/** What the formatter reads of a judged move: any `MoveView` (a reply, the state's moves, a challenge's mistakes). */
export type JudgedMove = Pick<MoveView, 'role' | 'card' | 'verdict' | 'why' | 'params' | 'expected' | 'state'>;

/** Chinese sentences follow one another without a space. */
const joinSentences = (locale: Locale, a: string, b: string): string => (locale === 'en' ? `${a} ${b}` : `${a}${b}`);

/** Why the move was judged as it was: for a wrong card, what the state means and then why that card does not fit it. */
export function explainMove(move: JudgedMove, locale: Locale): string {
  const params = { ...move.params, card: move.card, expected: move.params.expected ?? move.expected.join(' / ') };
  const why = isMessageKey(move.why) ? translate(locale, move.why, params) : move.why;
  if (move.verdict !== 'wrongCard') return why;
  return joinSentences(locale, translate(locale, REFUSALS[move.state]), why);
}

/** What was played: the card, or "◷ Too slow" for a missed deadline. */
export function movePlayed(move: JudgedMove, locale: Locale): string {
  return move.card === '' ? `◷ ${translate(locale, 'move.tooSlow')}` : move.card;
}

/** "FIN — You are in SYN-SENT: …": what was played and why it was wrong, after an optional label. */
export function mistakeLine(move: JudgedMove, locale: Locale, label = ''): string {
  return `✗ ${label ? `${label} · ` : ''}${movePlayed(move, locale)} — ${explainMove(move, locale)}`;
}

/** Identical lines once each, in order of first appearance, with "×3" after a repeated one. */
export function collapseLines(lines: readonly string[], locale: Locale): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, count]) => (count > 1 ? `${line} ${translate(locale, 'move.times', { count })}` : line));
}

/** A list of wrong moves split by whose they are: `own` for the viewer's role, `partner` for the others. */
export interface MistakesByOwner<M> {
  readonly own: readonly M[];
  readonly partner: readonly M[];
}

/**
 * The wrong moves among `moves`, the viewer's first; a viewer with no role (a spectator) owns none.
 * A stale card (it crossed an arrival) is nobody's mistake and is left out.
 */
export function mistakesByOwner<M extends Pick<JudgedMove, 'role' | 'verdict'>>(moves: readonly M[], viewer: JudgedMove['role'] | null): MistakesByOwner<M> {
  const wrong = moves.filter((m) => m.verdict !== 'correct' && m.verdict !== 'stale');
  return { own: wrong.filter((m) => m.role === viewer), partner: wrong.filter((m) => m.role !== viewer) };
}

/** How a report names a kind of mistake when no single move fills its numbers: placeholders become "…". */
export function explainMistakeKind(why: string, locale: Locale): string {
  if (!isMessageKey(why)) return why;
  return translate(locale, why).replace(/\{\w+\}/g, '…');
}
