/**
 * A room that is closing takes nobody in. Colyseus 0.18 lets a seat reserved before a room began
 * to close be taken while it closes: `disconnect()` has already closed the clients it had, so the
 * newcomer is never closed, and the room (and a server shutting down, which waits for every
 * room) waits for ever for its last client to leave. Refused in `onJoin`, the newcomer is
 * removed by Colyseus at once and told that the seat is gone (`seatExpired`: what the seat of a
 * closed room is); the room then finishes closing.
 */
import { ErrorCode as ColyseusError, RoomInternalState, ServerError, type Room } from '@colyseus/core';
import type { ErrorCode } from '../../../shared/protocol.ts';

/** Throws (refusing the join) when `room` has begun to close. */
export function refuseWhileClosing(room: Room): void {
  // The state is private in Colyseus's types, public at run time (it is what disconnect() checks).
  if ((room as unknown as { _internalState: RoomInternalState })._internalState === RoomInternalState.DISPOSING) {
    throw new ServerError(ColyseusError.MATCHMAKE_EXPIRED, 'seatExpired' satisfies ErrorCode);
  }
}
