import { DIFFICULTIES, SPEEDS, type Difficulty, type Speed } from '../shared/match/settings.ts';
import { LIMITS, PAIR_MODES, type PairMode } from '../shared/protocol.ts';
import { DEFAULT_PLAYLIST, isScenarioId, type ScenarioId } from '../shared/scenarios/scenario.ts';
import { rendererNamed, type RendererName } from './rendererChoice.ts';

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

/*
 * The renderer the player chose when told the game ran slowly. Kept apart from the Start screen's
 * preferences, which are saved whole and would otherwise write back an older choice.
 */
const RENDERER_KEY = 'tango.renderer';

export function loadRendererChoice(): RendererName | null {
  return rendererNamed(localStorage.getItem(RENDERER_KEY));
}

export function saveRendererChoice(renderer: RendererName): void {
  localStorage.setItem(RENDERER_KEY, renderer);
}
