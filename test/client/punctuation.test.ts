import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../shared/i18n/messages.ts';

const CLIENT = new URL('../../client/', import.meta.url).pathname;

/** The client's text helpers as a page in `locale` loads them (the language is read once, at load). */
async function textIn(locale: Locale): Promise<typeof import('../../client/i18n/text.ts')> {
  vi.resetModules();
  Object.assign(globalThis, { localStorage: { getItem: (key: string) => (key === 'tango.locale' ? locale : null), setItem: () => undefined } });
  return import('../../client/i18n/text.ts');
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}

describe('punctuation between texts the client joins', () => {
  it('is each language\'s own: a full-width colon and 、 in Chinese', async () => {
    const en = await textIn('en');
    expect(en.labelled('Scenarios', 'Lost SYN')).toBe('Scenarios: Lost SYN');
    expect(en.labelled('What went wrong')).toBe('What went wrong:');
    expect(en.listed(['Amy', 'Bo'])).toBe('Amy, Bo');
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      const zh = await textIn(locale);
      expect(zh.labelled('情境', '同時關閉')).toBe('情境：同時關閉');
      expect(zh.labelled('常見錯誤')).toBe('常見錯誤：');
      expect(zh.listed(['小明', '小華'])).toBe('小明、小華');
    }
  });

  it('is never written into a screen\'s code, where every language would get the English colon or percent', () => {
    // "${a}: ${b}" once put "情境: 同時關閉" on the Chinese start screen; labelled() says it in each
    // language. A percentage is class.percent's or challenge.percent's ("100 %", "100%").
    const hardCoded = sources(CLIENT).filter((file) => !relative(CLIENT, file).startsWith('i18n'))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => ({ file, line, n: i + 1 })))
      .filter(({ line }) => /\$\{[^}]*\}:( |`|\\n)/.test(line) || /[`'"]: \$\{/.test(line) || /\$\{[^}]*\} ?%/.test(line))
      .map(({ file, n, line }) => `${relative(CLIENT, file)}:${n}: ${line.trim()}`);
    expect(hardCoded).toEqual([]);
  });
});
