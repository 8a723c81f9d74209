/**
 * The floor's load: as many WebSocket connections as the game run had, each sending a small
 * binary message at the game run's measured rate and waiting for the echo before the next,
 * as a game client waits for its verdict. Uses the same WebSocket the SDK uses in Node (the
 * global one), so both runs pay the same client-side costs.
 */
import { nextFloat, type RngState } from '../../shared/random.ts';
import { inBatches, type LoadMeter } from './loadMeter.ts';
import type { EchoLoadPlan, Sharded } from './loadPlan.ts';

const CONNECT_TIMEOUT_MS = 10_000;

function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    const timer = setTimeout(() => reject(new Error('connect timeout')), CONNECT_TIMEOUT_MS);
    socket.addEventListener('open', () => { clearTimeout(timer); resolve(socket); }, { once: true });
    socket.addEventListener('error', () => { clearTimeout(timer); reject(new Error('connect failed')); }, { once: true });
  });
}

class EchoConnection {
  leaving = false;
  private readonly socket: WebSocket;
  private readonly meter: LoadMeter;
  private readonly payload: Uint8Array<ArrayBuffer>;
  private readonly periodMs: number;
  private rng: RngState;
  private timer: NodeJS.Timeout | undefined;
  private sentAt = -1;

  constructor(socket: WebSocket, meter: LoadMeter, plan: EchoLoadPlan, seed: number) {
    this.socket = socket;
    this.meter = meter;
    this.payload = new Uint8Array(plan.payloadBytes);
    this.periodMs = 1000 / plan.perConnectionPerSecond;
    this.rng = seed;
    socket.addEventListener('message', () => {
      if (this.sentAt >= 0) this.meter.replied(this.sentAt);
      this.sentAt = -1;
    });
    socket.addEventListener('close', (event) => {
      if (!this.leaving) meter.disconnected('echo.close', event.code);
    });
    socket.addEventListener('error', () => {
      if (!this.leaving) meter.error('echo.error', 'socket error');
    });
    // A random phase, so the connections do not all send in the same millisecond.
    this.schedule(this.random() * this.periodMs);
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => this.send(), delay);
  }

  private send(): void {
    if (this.leaving) return;
    // Like a game client, one message in flight at a time.
    if (this.sentAt < 0 && this.socket.readyState === WebSocket.OPEN) {
      this.sentAt = this.meter.sent();
      this.socket.send(this.payload);
    }
    this.schedule(this.periodMs * (0.8 + 0.4 * this.random()));
  }

  private random(): number {
    const [f, next] = nextFloat(this.rng);
    this.rng = next;
    return f;
  }

  close(): void {
    this.leaving = true;
    clearTimeout(this.timer);
    this.socket.close(1000);
  }
}

export interface RunningEcho {
  readonly connections: () => number;
  readonly stop: () => Promise<void>;
}

/** Connects this process's share of the floor's connections; each sends until `stop`. */
export async function startEcho(plan: Sharded<EchoLoadPlan>, meter: LoadMeter): Promise<RunningEcho> {
  const connections = await inBatches(plan.connections, plan.connectConcurrency, async (i) => {
    try {
      // Numbered across every load generator, so no two connections share a phase.
      return new EchoConnection(await connect(plan.url), meter, plan, plan.seed + plan.shard.firstIndex + i);
    } catch (error) {
      meter.joinFailed(error);
      return null;
    }
  });
  const open = connections.filter((c): c is EchoConnection => c !== null);
  return {
    connections: () => open.length,
    stop: async () => {
      for (const c of open) c.close();
    },
  };
}
