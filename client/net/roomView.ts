import type { EndpointView, PairRoomView, PlayerView } from '../../shared/protocol.ts';
import type { Role } from '../../shared/match/cards.ts';
import { hintCardsOf, MOVE_RECORD, SEGMENT_RECORD, STATE_LOG_RECORD } from '../../shared/stateRecords.ts';

interface Jsonable {
  toJSON(): Record<string, unknown>;
}

/**
 * A plain, immutable copy of the synchronised schema state in the shape of `PairRoomView`.
 * Scenes keep snapshots (the result screen shows the round as it ended) and the schema objects
 * are mutated in place by later patches, so they are never handed out.
 */
export function toRoomView(state: unknown): PairRoomView {
  const json = (state as Jsonable).toJSON();
  const players = (json.players ?? {}) as Record<string, PlayerView>;
  // On the wire an endpoint's hint cards are one string (shared/stateRecords.ts).
  const endpoints = (json.endpoints ?? {}) as Record<Role, Omit<EndpointView, 'hintCards'> & { hintCards?: unknown }>;
  return {
    ...(json as unknown as PairRoomView),
    players: new Map(Object.entries(players)),
    // In a class's pair only the player's own endpoint carries its deadline, as ownDeadlineAt
    // (server/rooms/seated/ownDeadlines.ts): the partner's, and every one a watcher sees, read
    // as no deadline running. Elsewhere deadlineAt has it and ownDeadlineAt is -1.
    endpoints: new Map((Object.entries(endpoints) as [Role, (typeof endpoints)[Role]][]).map(([role, ep]): [Role, EndpointView] => {
      const deadlineAt = Math.max(ep.deadlineAt ?? -1, ep.ownDeadlineAt ?? -1);
      const hintCards = typeof ep.hintCards === 'string' ? hintCardsOf(ep.hintCards) : [];
      return [role, { ...ep, deadlineAt, ownDeadlineAt: ep.ownDeadlineAt ?? -1, hintCards }];
    })),
    // The round's lists carry one string per record (shared/stateRecords.ts).
    segments: records(json.segments).map(SEGMENT_RECORD.decode),
    moves: records(json.moves).map(MOVE_RECORD.decode),
    stateLog: records(json.stateLog).map(STATE_LOG_RECORD.decode),
  };
}

function records(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((r): r is string => typeof r === 'string') : [];
}
