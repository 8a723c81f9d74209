import { describe, expect, it } from 'vitest';
import { en, type UiKey } from '../../client/i18n/en.ts';
import { zhHant } from '../../client/i18n/zh-Hant.ts';
import type { RoundWords } from '../../client/scenes/roundResultTexts.ts';
import { pastClassRow } from '../../client/scenes/pastClassRow.ts';

const wordsOf = (catalogue: Record<UiKey, string>, locale: RoundWords['locale']): RoundWords => ({
  t: (key, params = {}) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
  locale,
});

const pastClass = { code: 'AB3K7', createdAt: Date.UTC(2026, 11, 2, 12), students: Array.from({ length: 24 }, () => 'x'), rounds: 0 };

describe('a past class\'s row', () => {
  it('says which class it was, and a narrow row breaks only between its parts', () => {
    for (const [catalogue, locale] of [[en, 'en'], [zhHant, 'zh-Hant']] as const) {
      const row = pastClassRow(pastClass, wordsOf(catalogue, locale));
      // What a reader sees: the parts, with their own spaces.
      expect(row.replaceAll('\u00a0', ' ').split(' · ').slice(2), locale).toEqual([
        wordsOf(catalogue, locale).t('class.students', { count: 24 }), wordsOf(catalogue, locale).t('again.rounds', { rounds: 0 }),
      ]);
      // Phaser wraps a button's caption at spaces only: the only spaces left are around the dots.
      expect(row.split(' ').filter((word) => word !== '·'), locale).toHaveLength(4);
    }
    expect(pastClassRow(pastClass, wordsOf(zhHant, 'zh-Hant'))).toContain('已玩\u00a00\u00a0回合');
  });
});
