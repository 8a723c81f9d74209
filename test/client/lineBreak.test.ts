import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../client/ui/lineBreak.ts';
import { zhHans as uiHans } from '../../client/i18n/zh-Hans.ts';
import { zhHant as uiHant } from '../../client/i18n/zh-Hant.ts';
import { zhHans } from '../../shared/i18n/zh-Hans.ts';
import { zhHant } from '../../shared/i18n/zh-Hant.ts';

/** A monospaced stand-in for a font: a Chinese character or full-width mark is two columns, anything else one. */
const columns = (s: string): number => [...s].reduce((n, ch) => n + (/[\u3000-\u30FF\u4E00-\u9FFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1), 0);

// Chinese marks only: a Latin ".pcap" after a space may well start a line.
const START_FORBIDDEN = /^[。，、：；！？）」』]/;
const END_FORBIDDEN = /[（「『]$/;

describe('line breaking', () => {
  it('wraps English at spaces, as before, and keeps words whole', () => {
    expect(wrapLines('Send the SYN+ACK now', 10, columns)).toEqual(['Send the', 'SYN+ACK', 'now']);
    expect(wrapLines('short', 10, columns)).toEqual(['short']);
    // Runs of spaces become one; lines are trimmed; the text's own breaks stay.
    expect(wrapLines('  a   b \nc', 10, columns)).toEqual(['a b', 'c']);
  });

  it('breaks Chinese between characters, filling each line', () => {
    expect(wrapLines('你已經在這個瀏覽器', 8, columns)).toEqual(['你已經在', '這個瀏覽', '器']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    // Phaser's wrap put "。" at the start of a line; here it stays with its character.
    expect(wrapLines('在這個班級。請切換', 9, columns)).toEqual(['在這個班', '級。請切', '換']);
    expect(wrapLines('請按「確認」鍵', 6, columns)).toEqual(['請按', '「確', '認」鍵']);
    for (const line of wrapLines('請按「確認」鍵，然後（再）送出。', 6, columns)) {
      expect(line).not.toMatch(START_FORBIDDEN);
      expect(line).not.toMatch(END_FORBIDDEN);
    }
  });

  it('keeps a Latin word whole inside Chinese and breaks beside it, not only at spaces', () => {
    // Phaser's wrap moved the whole Chinese run after "SYN" down, leaving "收到 SYN" alone on its line.
    expect(wrapLines('收到 SYN+ACK 後回覆一個確認，連線就建立了', 16, columns)).toEqual(['收到 SYN+ACK 後', '回覆一個確認，連', '線就建立了']);
  });

  it('keeps a mark that labels a word with that word', () => {
    expect(wrapLines('right • ✗ wrong • ◷ too late', 18, columns)).toEqual(['right • ✗ wrong •', '◷ too late']);
    expect(wrapLines('✓ 對 ✗ 錯', 5, columns)).toEqual(['✓ 對', '✗ 錯']);
  });

  it('cuts a piece wider than a line (a long code) so that nothing is wider than the width', () => {
    expect(wrapLines('ABCDEFGHIJKL', 5, columns)).toEqual(['ABCDE', 'FGHIJ', 'KL']);
  });

  it('wraps every text of the game in both Chinese scripts with no line starting on a closing mark or ending on an opening one', () => {
    const texts = [zhHant, zhHans, uiHant, uiHans].flatMap((catalogue) => Object.values(catalogue) as string[]);
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) {
      for (const width of [16, 24, 40]) {
        for (const line of wrapLines(text, width, columns)) {
          expect(line, text).not.toMatch(START_FORBIDDEN);
          expect(line, text).not.toMatch(END_FORBIDDEN);
        }
      }
    }
  });
});
