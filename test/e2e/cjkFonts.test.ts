import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { UI_FONT } from '../../client/ui/theme.ts';
import { en as uiEn } from '../../client/i18n/en.ts';
import { zhHans as uiZhHans } from '../../client/i18n/zh-Hans.ts';
import { zhHant as uiZhHant } from '../../client/i18n/zh-Hant.ts';
import { en } from '../../shared/i18n/en.ts';
import { zhHans } from '../../shared/i18n/zh-Hans.ts';
import { zhHant } from '../../shared/i18n/zh-Hant.ts';
import { fontsConfig, testFontDirs } from './cjkFonts.ts';
import { launchChromium } from './chromium.ts';

/**
 * Every Chinese character and CJK punctuation mark the game shows, in both scripts (the game's
 * texts and the screens' own), and 區段 (Taiwan's word for a segment, which texts may come to
 * use); every other mark beyond ASCII in any language's texts (◷, ♛, ‖…: a symbol missing from
 * common fonts shows as an empty box); and the marks that stand beside colour for roles and
 * verdicts (README: ● client, ■ server, ★ hint, ↻ resend, ✗ lost, ✓).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Beyond ASCII and not a letter (accented Latin letters are in every font): a symbol or punctuation. */
const MARK = /[^\p{ASCII}\p{L}\p{M}]/u;
const MARKS = ['●', '■', '★', '↻', '✗', '✓'];
/** The string literals of the client's code outside its catalogues: the marks it puts beside texts (♛, ▶, ⚠…). */
function clientLiterals(dir = join(ROOT, 'client')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : clientLiterals(path);
    return entry.name.endsWith('.ts') ? readFileSync(path, 'utf8').match(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? [] : [];
  });
}
const TEXTS = [
  ...[en, zhHant, zhHans, uiEn, uiZhHant, uiZhHans].flatMap((catalogue) => Object.values(catalogue) as string[]),
  ...clientLiterals(),
];
const CHARACTERS = [...new Set([
  ...[...[...TEXTS, '區段'].join('')].filter((c) => CJK.test(c) || MARK.test(c)),
  ...MARKS,
])].filter((c) => !/\s/u.test(c));

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
    // And the marks of the screens' texts and of the client's code.
    for (const c of ['◷', '‖', '♛', '⚠', '▶']) expect(CHARACTERS).toContain(c);
    expect(await undrawable(fontsConfig(testFontDirs(), false))).toEqual([]);
  });

  it('are what draws them: with no font at all the same check finds them missing', async () => {
    const missing = await undrawable(fontsConfig([], false));
    expect(missing.length).toBe(CHARACTERS.length);
  });
});
