import type { PastClass } from '../../shared/protocol.ts';
import type { RoundWords } from './roundResultTexts.ts';

/** "↻ AB3K7 · 2 Dec 2026 · Students: 24 · 4 rounds played": enough to tell one's classes apart. */
export function pastClassRow(c: Pick<PastClass, 'code' | 'createdAt' | 'students' | 'rounds'>, { t, locale }: RoundWords): string {
  const day = new Date(c.createdAt).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const parts = [`↻ ${c.code}`, day, t('class.students', { count: c.students.length }), t('again.rounds', { rounds: c.rounds })];
  // A phone's row wraps between the parts, never inside one ("已玩 | 0 回合"): Phaser breaks only at spaces.
  return parts.map((part) => part.replaceAll(' ', '\u00a0')).join(' · ');
}
