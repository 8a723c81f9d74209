import { DIFFICULTIES, SPEEDS, type Difficulty, type Speed } from '../shared/match/settings.ts';
import { LIMITS, PAIR_MODES, type PairMode } from '../shared/protocol.ts';
import { DEFAULT_PLAYLIST, isScenarioId, type ScenarioId } from '../shared/scenarios/scenario.ts';

/** What the Start screen remembers between visits (the language is kept by i18n/text.ts). */
export interface Preferences {
  nickname: string;
  mode: PairMode;
  difficulty: Difficulty;
  speed: Speed;
  /** The playlist of a private or solo match, in order. */
  scenarios: readonly ScenarioId[];
}

const KEY = 'tango.preferences';
const DEFAULTS: Preferences = { nickname: '', mode: 'quick', difficulty: 'flags', speed: 'normal', scenarios: DEFAULT_PLAYLIST };

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** A saved playlist, cleaned: known scenarios, each once, no more than a room takes; none is the default. */
function playlist(value: unknown): readonly ScenarioId[] {
  const known = Array.isArray(value) ? [...new Set(value.filter(isScenarioId))].slice(0, LIMITS.playlistMax) : [];
  return known.length > 0 ? known : DEFAULTS.scenarios;
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
    scenarios: playlist(saved.scenarios),
  };
}

export function savePreferences(preferences: Preferences): void {
  localStorage.setItem(KEY, JSON.stringify(preferences));
}
