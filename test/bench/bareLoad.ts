/**
 * The bare-Colyseus floor's load (issue 21.1): the same SDK, the same connections two to a
 * room, the same rate as the game run, in the server's bench-only room with no game in it
 * (server/rooms/bench/BareRoom.ts). Each client sends a card at the game run's measured rate,
 * one in flight at a time, and times the fixed verdict; the state patch each card causes is
 * decoded by both clients of the room, as in a pair room.
 */
import { Client, type Room } from '@colyseus/sdk';
import { BENCH_BARE_ROOM, type BareRoomOptions } from '../../server/rooms/bench/benchRooms.ts';
import { CARDS } from '../../shared/match/cards.ts';
import { CLIENT_MSG, SERVER_MSG } from '../../shared/protocol.ts';
import { nextFloat, type RngState } from '../../shared/random.ts';
import { countPatches, inBatches, type LoadMeter } from './loadMeter.ts';
import type { BareLoadPlan, Sharded } from './loadPlan.ts';

const REQUEST_TIMEOUT_MS = 10_000;

class BarePlayer {
  leaving = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private rng: RngState;
  private readonly periodMs: number;
  readonly room: Room;
  private readonly meter: LoadMeter;

  constructor(room: Room, meter: LoadMeter, plan: BareLoadPlan, seed: number) {
    this.room = room;
    this.meter = meter;
    this.periodMs = 1000 / plan.perConnectionPerSecond;
    this.rng = seed;
    for (const type of Object.values(SERVER_MSG)) room.onMessage(type, () => {});
    countPatches(room, meter);
    room.onStateChange(() => {});
    room.onError((code, message) => meter.error('room.onError', `${code} ${message ?? ''}`));
    room.onLeave((code) => {
      if (!this.leaving) meter.disconnected('room.onLeave', code);
    });
    // A random phase, so the clients do not all send in the same millisecond.
    this.schedule(this.random() * this.periodMs);
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => this.play(), delay);
  }

  private play(): void {
    if (this.leaving) return;
    if (!this.inFlight) {
      this.inFlight = true;
      const t0 = this.meter.sent();
      this.room.request(CLIENT_MSG.play, { card: CARDS[Math.floor(this.random() * CARDS.length)]! }, { timeout: REQUEST_TIMEOUT_MS })
        .then(() => this.meter.replied(t0))
        .catch((error: unknown) => {
          if (!this.leaving) this.meter.error('play', error);
        })
        .finally(() => (this.inFlight = false));
    }
    this.schedule(this.periodMs * (0.8 + 0.4 * this.random()));
  }

  private random(): number {
    const [f, next] = nextFloat(this.rng);
    this.rng = next;
    return f;
  }

  async leave(): Promise<void> {
    this.leaving = true;
    clearTimeout(this.timer);
    await this.room.leave(true).catch(() => undefined);
  }
}

export interface RunningBare {
  readonly connections: () => number;
  readonly stop: () => Promise<void>;
}

/** Connects this process's pairs of bare clients; each sends cards until `stop`. */
export async function startBare(plan: Sharded<BareLoadPlan>, meter: LoadMeter): Promise<RunningBare> {
  const client = new Client(plan.url);
  const options: BareRoomOptions = { patchBytes: plan.patchBytes, landingMs: plan.landingMs, landingShare: plan.landingShare };
  const pairs = await inBatches(plan.pairs, plan.connectConcurrency, async (i) => {
    // Numbered across every load generator, so no two clients share a phase.
    const seed = plan.seed + 2 * (plan.shard.firstIndex + i);
    try {
      const a = await client.create(BENCH_BARE_ROOM, options);
      const b = await client.joinById(a.roomId, {});
      return [new BarePlayer(a, meter, plan, seed), new BarePlayer(b, meter, plan, seed + 1)];
    } catch (error) {
      meter.joinFailed(error);
      return [];
    }
  });
  const players = pairs.flat();
  return {
    connections: () => players.length,
    stop: async () => {
      await inBatches(players.length, plan.connectConcurrency * 4, (i) => players[i]!.leave());
    },
  };
}
