import type { MessageKey, Locale } from '../../shared/i18n/messages.ts';
import { LOCALES } from '../../shared/i18n/messages.ts';
import { isLocale, isMessageKey, pickLocale, translate } from '../../shared/i18n/translate.ts';
import { en, type UiCatalogue, type UiKey } from './en.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

type Params = Readonly<Record<string, string | number>>;

const UI: Readonly<Record<Locale, UiCatalogue>> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** Each language named in itself, so a reader finds their own whatever is selected. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' };

const STORAGE_KEY = 'tango.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : pickLocale(navigator.languages);
}

let current: Locale = initialLocale();

export function locale(): Locale {
  return current;
}

/** Switches the language and remembers it for the next visit. */
export function setLocale(next: Locale): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export { LOCALES };

/** A text of the client's own screens. */
export function t(key: UiKey, params: Params = {}): string {
  return tIn(current, key, params);
}

/** A text of the client's own screens in `language`, whatever the page speaks now. */
export function tIn(language: Locale, key: UiKey, params: Params = {}): string {
  return UI[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Punctuation between texts the code joins: Chinese has its own full-width colon and list comma. */
const PUNCTUATION: Readonly<Record<Locale, { colon: string; listSeparator: string }>> = {
  en: { colon: ': ', listSeparator: ', ' },
  'zh-Hant': { colon: '：', listSeparator: '、' },
  'zh-Hans': { colon: '：', listSeparator: '、' },
};

/** "label: value" with the language's own colon (a full-width ： in Chinese); a heading when `value` is empty. */
export function labelled(label: string, value = ''): string {
  return `${label}${PUNCTUATION[current].colon}${value}`.trimEnd();
}

/** Items of a list with the language's own separator (、 in Chinese). */
export function listed(items: readonly string[]): string {
  return items.join(PUNCTUATION[current].listSeparator);
}

/** A shared game text; the server sends keys as plain strings, so an unknown one shows as itself. */
export function game(key: MessageKey | string, params: Params = {}): string {
  return isMessageKey(key) ? translate(current, key, params) : key;
}
