import { LEADERBOARD, type LeaderboardQuery, type LeaderboardReply } from '../../shared/protocol.ts';
import { serverUrl } from './lobby.ts';

export type LeaderboardResult = { readonly ok: true; readonly reply: LeaderboardReply } | { readonly ok: false };

/** One board of the timed challenge (top 100, and the asking player's own line). Read-only. */
export async function fetchLeaderboard(query: LeaderboardQuery): Promise<LeaderboardResult> {
  const params = new URLSearchParams({ board: query.board });
  if (query.day) params.set('day', query.day);
  if (query.difficulty) params.set('difficulty', query.difficulty);
  if (query.seats) params.set('seats', query.seats);
  if (query.player) params.set('player', query.player);
  try {
    const response = await fetch(`${serverUrl()}${LEADERBOARD.path}?${params}`, { cache: 'no-store' });
    if (!response.ok) return { ok: false };
    return { ok: true, reply: (await response.json()) as LeaderboardReply };
  } catch {
    // No server, or a reply that is not JSON: the screen says it could not load.
    return { ok: false };
  }
}
