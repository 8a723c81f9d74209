import { CHALLENGE_KINDS, CHALLENGE_SEATS, type ChallengeJoinOptions, type ChallengeKind } from '../shared/protocol.ts';
import type { ChallengeSeats } from '../shared/challenge/run.ts';
import { locale } from './i18n/text.ts';
import { playerId } from './playerId.ts';
import { loadPreferences } from './preferences.ts';

/**
 * What the challenge screen remembers besides what Start keeps (nickname, difficulty, speed):
 * kept apart, so neither screen overwrites the other's choices.
 */
export interface ChallengePreferences {
  kind: ChallengeKind;
  seats: ChallengeSeats;
}

const KEY = 'tango.challenge';

export function loadChallengePreferences(): ChallengePreferences {
  let saved: Partial<ChallengePreferences> = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ChallengePreferences>;
  } catch {
    // A damaged entry is forgotten.
  }
  return {
    kind: CHALLENGE_KINDS.includes(saved.kind as ChallengeKind) ? (saved.kind as ChallengeKind) : 'daily',
    seats: CHALLENGE_SEATS.includes(saved.seats as ChallengeSeats) ? (saved.seats as ChallengeSeats) : 'solo',
  };
}

export function saveChallengePreferences(preferences: ChallengePreferences): void {
  localStorage.setItem(KEY, JSON.stringify(preferences));
}

/** A new challenge with the choices last made (nickname, difficulty and speed are Start's). */
export function savedChallengeOptions(): ChallengeJoinOptions {
  const { nickname, difficulty, speed } = loadPreferences();
  const { kind, seats } = loadChallengePreferences();
  return { nickname, playerId: playerId(), kind, seats, difficulty, speed, locale: locale() };
}
