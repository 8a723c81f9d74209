/** Which scenario each round of a match plays. */
import { SCENARIO_IDS, type ScenarioId } from '../../shared/scenarios/scenario.ts';

/** Without a playlist a match is the first rounds of the catalogue, in teaching order. */
const DEFAULT_ROUNDS = 4;

export interface Playlist {
  readonly scenarios: readonly ScenarioId[];
  readonly rounds: number;
}

export function makePlaylist(p: { playlist?: readonly ScenarioId[]; rounds?: number }): Playlist {
  const scenarios = p.playlist && p.playlist.length > 0 ? p.playlist : SCENARIO_IDS.slice(0, DEFAULT_ROUNDS);
  return { scenarios, rounds: p.rounds ?? scenarios.length };
}

/** The scenario of round `round` (1-based); a playlist shorter than the match starts over. */
export function scenarioOf(list: Playlist, round: number): ScenarioId {
  return list.scenarios[(round - 1) % list.scenarios.length]!;
}
