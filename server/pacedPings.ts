/**
 * The WebSocket transport with its keep-alive pings spread out. Colyseus pings every connection
 * in one loop every 3 s: with 2,000 players that is 2,000 socket writes in a row, and 2,000
 * pongs to read right after, and a card played in that moment waits behind all of them. Here
 * every connection is still pinged once per interval and dropped after the same number of
 * unanswered pings, but a slice of them every beat.
 */
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { WebSocket } from 'ws';

/** How often a slice of the connections is pinged. */
export const PING_BEAT_MS = 50;

/** What pacing needs of a connection: the transport counts unanswered pings on it, a pong resets the count. */
export interface Pingable {
  pingCount: number;
  ping(callback: (error?: Error) => void): void;
  terminate(): void;
}

const ignore = (): void => undefined;

/**
 * Pings `connections()` over each `intervalMs`, `PING_BEAT_MS` at a time: a round takes the
 * connections open at its start and pings an equal share at every beat; a connection that has
 * missed `maxRetries` pings when its turn comes is closed, as Colyseus's own loop does.
 */
export function pacePings(connections: () => Iterable<Pingable>, intervalMs: number, maxRetries: number): NodeJS.Timeout {
  const beats = Math.max(1, Math.round(intervalMs / PING_BEAT_MS));
  let round: Pingable[] = [];
  let beat = 0;
  return setInterval(() => {
    if (beat === 0) round = [...connections()];
    const share = Math.ceil(round.length / beats);
    for (let i = beat * share; i < Math.min(round.length, (beat + 1) * share); i++) {
      const connection = round[i]!;
      if (connection.pingCount >= maxRetries) {
        connection.terminate();
        continue;
      }
      connection.pingCount++;
      connection.ping(ignore);
    }
    beat = (beat + 1) % beats;
  }, intervalMs / beats);
}

/** Colyseus's WebSocket transport, every option as it was, with the pings paced by `pacePings`. */
export class PacedPingTransport extends WebSocketTransport {
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    // The transport sets `pingCount` on every connection it accepts and clears it on each pong.
    this.pingInterval = pacePings(() => this.wss.clients as Set<WebSocket & Pingable>, pingInterval, pingMaxRetries);
  }
}
