import { en } from './en.ts';
import type { Catalogue, Locale, MessageKey } from './messages.ts';
import { LOCALES } from './messages.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** True when `s` is a key with a text. */
export function isMessageKey(s: unknown): s is MessageKey {
  return typeof s === 'string' && Object.hasOwn(en, s);
}

/** True when `s` is a supported locale. */
export function isLocale(s: unknown): s is Locale {
  return typeof s === 'string' && (LOCALES as readonly string[]).includes(s);
}

/** The text of `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = CATALOGUES[locale][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The best supported locale for a browser's language list (e.g. navigator.languages). */
export function pickLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) {
      // Taiwan, Hong Kong and Macau write Traditional characters; elsewhere Simplified.
      return /hant|-tw|-hk|-mo/.test(l) ? 'zh-Hant' : 'zh-Hans';
    }
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}
