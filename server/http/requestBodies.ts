/**
 * A cap on HTTP request bodies. Colyseus reads a matchmaking request's body whole before it looks
 * at it, however large (an 8 MiB body was parsed; 32 MiB raised the heap by 130 MiB), and no
 * request of the game carries more than a few hundred bytes of join options.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

/**
 * Puts the cap in front of every request listener `server` has now. Called once the server
 * listens, because Colyseus adds its own listener only then.
 */
export function capRequestBodies(server: Server, maxBytes: number): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!tooLarge(req, maxBytes)) {
      for (const listener of listeners) listener.call(server, req, res);
      return;
    }
    // Close rather than drain: reading the rest is what the cap is there to avoid.
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ code: 'requestTooLarge' }), () => req.destroy());
  });
}

/** Over the cap by its declared length, or a body of undeclared length (chunked), which the game never sends. */
function tooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = req.headers['content-length'];
  if (declared !== undefined) return Number(declared) > maxBytes;
  return req.headers['transfer-encoding'] !== undefined;
}
