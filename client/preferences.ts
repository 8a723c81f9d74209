import { DIFFICULTIES, SPEEDS, type Difficulty, type Speed } from '../shared/match/settings.ts';
import { PAIR_MODES, type PairMode } from '../shared/protocol.ts';

/** What the Start screen remembers between visits (the language is kept by i18n/text.ts). */
export interface Preferences {
  nickname: string;
  mode: PairMode;
  difficulty: Difficulty;
  speed: Speed;
}

const KEY = 'tango.preferences';
const DEFAULTS: Preferences = { nickname: '', mode: 'quick', difficulty: 'flags', speed: 'normal' };

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function loadPreferences(): Preferences {
  let saved: Partial<Preferences> = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>;
  } catch {
    // A damaged entry is forgotten rather than blocking the game.
  }
  return {
    nickname: typeof saved.nickname === 'string' ? saved.nickname : DEFAULTS.nickname,
    mode: pick(PAIR_MODES, saved.mode, DEFAULTS.mode),
    difficulty: pick(DIFFICULTIES, saved.difficulty, DEFAULTS.difficulty),
    speed: pick(SPEEDS, saved.speed, DEFAULTS.speed),
  };
}

export function savePreferences(preferences: Preferences): void {
  localStorage.setItem(KEY, JSON.stringify(preferences));
}
