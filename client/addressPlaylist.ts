import { LIMITS, type PairJoinOptions } from '../shared/protocol.ts';
import { isScenarioId } from '../shared/scenarios/scenario.ts';

/**
 * Scenarios and rounds from the address (`?scenarios=handshake,client-close&rounds=2`): a
 * teacher's homework link, and the browser tests. They win over the saved choice until the
 * player picks scenarios on this page.
 */
export function playlistFromAddress(): Pick<PairJoinOptions, 'playlist' | 'rounds'> {
  const query = new URLSearchParams(location.search);
  const playlist = (query.get('scenarios') ?? '').split(',').filter(isScenarioId);
  const rounds = Number(query.get('rounds'));
  return {
    ...(playlist.length > 0 ? { playlist } : {}),
    ...(Number.isInteger(rounds) && rounds > 0 ? { rounds: Math.min(rounds, LIMITS.roundsMax) } : {}),
  };
}

/** The player chose scenarios themselves: the address's stop counting, other parameters stay. */
export function forgetAddressPlaylist(): void {
  const query = new URLSearchParams(location.search);
  if (!query.has('scenarios') && !query.has('rounds')) return;
  query.delete('scenarios');
  query.delete('rounds');
  const rest = query.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}`);
}
