/**
 * The floor: a bare WebSocket echo server on the same `ws` library the game server's transport
 * uses, in its own process. Whatever latency it shows under a load is the cost of Node, the
 * kernel and the library; the game can only add to it.
 *
 * Usage: node test/bench/echoFloor.ts <port> <host>
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2]);
const host = process.argv[3] ?? '127.0.0.1';

// Plain HTTP answers too, so the bench can tell when the server is listening.
const http = createServer((_req, res) => res.end('echo floor'));
// No compression, as @colyseus/ws-transport configures it.
const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 4096 });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
http.listen(port, host);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    for (const client of wss.clients) client.terminate();
    http.close(() => process.exit(0));
  });
}
