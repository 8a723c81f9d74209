import type { ClassSettings } from '../classroomProtocol.ts';
import { makeSettings } from '../match/settings.ts';
import { DEFAULT_PLAYLIST } from '../scenarios/scenario.ts';

/** A new class: the default playlist (handshake and both closes, then a whole connection), once each. */
export const DEFAULT_CLASS_SETTINGS: ClassSettings = {
  playlist: DEFAULT_PLAYLIST, rounds: DEFAULT_PLAYLIST.length, difficulty: 'flags', speed: 'normal', lossRate: 0, roundSeconds: 0, rankBy: 'points',
};

/** The settings after the teacher changed some of them. */
export function classSettingsWith(base: ClassSettings, change: Partial<ClassSettings>): ClassSettings {
  // A new playlist without a number of rounds is played once through; a new difficulty without
  // a loss rate brings its own (random loss in expert), as in a pair room.
  const rounds = change.rounds ?? (change.playlist ? change.playlist.length : base.rounds);
  const lossRate = change.lossRate ?? (change.difficulty ? makeSettings({ difficulty: change.difficulty }).lossRate : base.lossRate);
  return { ...base, ...change, rounds, lossRate };
}
