import { en } from './en.ts';

/** Every text key; English defines them, the other languages must cover them all. */
export type MessageKey = keyof typeof en;

/** The languages the interface speaks. */
export const LOCALES = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

/** A catalogue: one text per key. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
