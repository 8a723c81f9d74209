/**
 * A card's player gets two frames for it: the state patch that shows the card, then the reply
 * that judges it. Each frame is a socket write of its own (a system call, a quarter of a busy
 * server's time), so the two are held back and leave together once the message is answered.
 */
import type { Client } from '@colyseus/core';
import type { Duplex } from 'node:stream';

/**
 * The TCP socket under a client on the WebSocket transport: `ws` keeps it as `_socket` (not in
 * its types, but unchanged through ws 8); undefined on any other transport.
 */
export function socketOf(client: Client): Duplex | undefined {
  const ref = (client as { ref?: { _socket?: unknown } }).ref;
  const socket = ref?._socket;
  return socket && typeof (socket as Duplex).cork === 'function' ? socket as Duplex : undefined;
}

/** Holds `client`'s frames from now until the message being handled has been answered. */
export function oneWriteForThisMessage(client: Client): void {
  const socket = socketOf(client);
  if (!socket) return;
  socket.cork();
  // A request's reply is sent right after its handler returns, before the next tick's callbacks.
  process.nextTick(() => socket.uncork());
}
