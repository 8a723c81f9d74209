import type { Room } from '@colyseus/sdk';

/**
 * Leaves `room` for good (a consented leave). A room whose connection is down is not written to
 * (the SDK would write to a closed socket, an error in the console, and its promise would wait
 * for a close that has already happened): it is let go, with no retry after any reconnection
 * under way, and left at once should that one come back.
 */
export async function leaveRoom(room: Room): Promise<void> {
  if (room.connection.isOpen) {
    await room.leave(true).catch(() => undefined);
    return;
  }
  room.reconnection.maxRetries = 0;
  room.onReconnect(() => void room.leave(true).catch(() => undefined));
}
