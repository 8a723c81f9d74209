import { isRoomCode, replayIdIn, typedRoomCode } from '../../shared/protocol.ts';
import type { ReplayData } from './Replay.ts';

/** The round a replay link (/replay/ID, ?class=CODE for a class's round) names; null for any other address. */
export function replayFromAddress(): ReplayData | null {
  const id = replayIdIn(location.pathname);
  if (!id) return null;
  const typed = typedRoomCode(new URLSearchParams(location.search).get('class') ?? '');
  return { id, classCode: isRoomCode(typed) ? typed : null };
}
