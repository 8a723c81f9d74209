/**
 * A TCP proxy that can stall: it passes bytes both ways until `stall()`, then holds them (as a
 * network that drops packets, or a frozen host, would) until `resume()`. Connections stay open
 * throughout, so whoever waits on an answer waits as they would on the real network.
 */
import { createServer, connect, type Socket } from 'node:net';
import { freePort } from '../freePort.ts';

export interface StallingProxy {
  /** The port to connect to instead of the upstream's. */
  readonly port: number;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startStallingProxy(upstreamPort: number, host = '127.0.0.1'): Promise<StallingProxy> {
  const sockets = new Set<Socket>();
  let stalled = false;
  const hold = (s: Socket) => { if (stalled) s.pause(); };
  const server = createServer((inbound) => {
    const outbound = connect(upstreamPort, host);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    // After pipe(), which sets its source flowing: a connection made during a stall stalls too.
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
      hold(s);
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port,
    stall: () => {
      stalled = true;
      for (const s of sockets) s.pause();
    },
    resume: () => {
      stalled = false;
      for (const s of sockets) s.resume();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
