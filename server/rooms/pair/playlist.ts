/** Which scenario each round of a match plays. */
import { DEFAULT_PLAYLIST, type ScenarioId } from '../../../shared/scenarios/scenario.ts';

export interface Playlist {
  readonly scenarios: readonly ScenarioId[];
  readonly rounds: number;
}

export function makePlaylist(p: { playlist?: readonly ScenarioId[]; rounds?: number }): Playlist {
  const scenarios = p.playlist && p.playlist.length > 0 ? p.playlist : DEFAULT_PLAYLIST;
  return { scenarios, rounds: p.rounds ?? scenarios.length };
}

/** The scenario of round `round` (1-based); a playlist shorter than the match starts over. */
export function scenarioOf(list: Playlist, round: number): ScenarioId {
  return list.scenarios[(round - 1) % list.scenarios.length]!;
}

/** The scenario the round after `round` plays, or '' when the match has no round left. */
export function nextScenarioOf(list: Playlist, round: number): ScenarioId | '' {
  return round < list.rounds ? scenarioOf(list, round + 1) : '';
}
