import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { UI_FONT } from '../../client/ui/theme.ts';
import { zhHans } from '../../shared/i18n/zh-Hans.ts';
import { zhHant } from '../../shared/i18n/zh-Hant.ts';
import { fontsConfig, testFontDirs } from './cjkFonts.ts';
import { launchChromium } from './chromium.ts';

/**
 * Every Chinese character and CJK punctuation mark the game shows, in both scripts, and 區段
 * (Taiwan's word for a segment, which texts may come to use); then the marks that stand beside
 * colour for roles and verdicts (README: ● client, ■ server, ★ hint, ↻ resend, ✗ lost, ✓).
 */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const MARKS = ['●', '■', '★', '↻', '✗', '✓'];
const CHARACTERS = [
  ...[...new Set([...Object.values(zhHant), ...Object.values(zhHans), '區段'].join(''))].filter((c) => CJK.test(c)),
  ...MARKS,
];

/**
 * The characters Chromium cannot draw in the client's font list (client/ui/theme.ts) with only
 * the fonts of `fontsConfigFile`: drawn on a canvas as the client draws text, a character
 * without a glyph leaves no ink, or the same ink as a code point no font has.
 */
async function undrawable(fontsConfigFile: string): Promise<string[]> {
  const browser: Browser = await launchChromium({ fonts: fontsConfigFile });
  opened.add(browser);
  try {
    const page = await browser.newPage();
    return await page.evaluate(({ characters, font }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.font = `40px ${font}`;
      const ink = (text: string): string => {
        ctx.clearRect(0, 0, 64, 64);
        ctx.fillText(text, 8, 48);
        const alpha = ctx.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3);
        return alpha.some((a) => a > 0) ? alpha.join(',') : '';
      };
      const nothing = ink('\u{10FFFD}');
      return characters.filter((c) => { const drawn = ink(c); return drawn === '' || drawn === nothing; });
    }, { characters: CHARACTERS, font: UI_FONT });
  } finally {
    await browser.close();
    opened.delete(browser);
  }
}

const opened = new Set<Browser>();
afterAll(async () => { for (const b of opened) await b.close(); });

describe('the fonts the browser tests bring', () => {
  it('draw every Chinese character of the game, Traditional and Simplified, and its marks, with no system font at all', async () => {
    expect(CHARACTERS.length).toBeGreaterThan(300);
    // Traditional-only and Simplified-only forms are both among them.
    for (const c of ['傳', '連', '區', '报', '连']) expect(CHARACTERS).toContain(c);
    expect(await undrawable(fontsConfig(testFontDirs(), false))).toEqual([]);
  });

  it('are what draws them: with no font at all the same check finds them missing', async () => {
    const missing = await undrawable(fontsConfig([], false));
    expect(missing.length).toBe(CHARACTERS.length);
  });
});
