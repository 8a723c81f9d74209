/**
 * The bench's bare-Colyseus floor (issue 21.1): a room with no game in it. Each `play` is
 * answered with a fixed verdict, after changing as many bytes of state as the bench asks, so
 * that the same clients get a state patch of the same size as a pair room's and the reply in
 * the same socket write (oneWrite.ts), as our cards do. Whatever a pair room costs beyond this
 * room, at the same clients, connections and rate, is our own code. The time from the message
 * to the reply is counted in the same histogram as our verdicts (room `benchBare`).
 *
 * Registered only when the bench starts the server with BENCH_BARE_ROOM=1 (app.ts).
 */
import { Room, type Client } from '@colyseus/core';
import { schema, t, type SchemaType } from '@colyseus/schema';
import { performance } from 'node:perf_hooks';
import { CLIENT_MSG, type PlayReply } from '../../../shared/protocol.ts';
import { countVerdict } from '../../metrics/gameMetrics.ts';
import { oneWriteForThisMessage } from '../seated/oneWrite.ts';
import { BARE_LANDING_MAX_MS, BARE_PATCH_MAX_BYTES, BENCH_BARE_ROOM, type BareRoomOptions } from './benchRooms.ts';

export const BareRoomState = schema({
  /** Rewritten by every card: the patch's payload. */
  filler: t.string().default(''),
  cards: t.number().default(0),
  /** Rewritten by every landing, when the room lands its cards. */
  landed: t.string().default(''),
  landings: t.number().default(0),
}, 'BareRoomState');
export type BareRoomState = SchemaType<typeof BareRoomState>;

/** A verdict as a pair room sends it for a typical correct card: the reply is as big as ours. */
const FIXED_REPLY: PlayReply = {
  move: {
    at: 12_345, role: 'client', card: 'SYN', verdict: 'correct', why: 'why.activeOpen', points: 10, expected: ['SYN'],
    skill: 'open', state: 'SYN-SENT', segmentId: 1, hinted: false, params: {},
  },
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export class BareRoom extends Room<{ state: BareRoomState }> {
  override state = new BareRoomState();
  override maxClients = 2;
  private patchBytes = 0;
  private landingMs = 0;
  private landingShare = 1;
  /** Landings owed by the cards so far, less those made: a card lands when it reaches one. */
  private landingsDue = 0;
  private readonly landing = new Set<NodeJS.Timeout>();

  override messages = {
    [CLIENT_MSG.play]: (client: Client): PlayReply => {
      const arrived = performance.now();
      oneWriteForThisMessage(client);
      this.state.cards++;
      // A different string each card, so the whole field is in the patch.
      this.state.filler = LETTERS[this.state.cards % LETTERS.length]!.repeat(this.patchBytes);
      this.broadcastPatch();
      if (this.landingMs > 0) this.maybeLand();
      countVerdict(BENCH_BARE_ROOM, FIXED_REPLY.move.verdict, (performance.now() - arrived) / 1000);
      return FIXED_REPLY;
    },
  };

  override onCreate(options: Partial<BareRoomOptions>): void {
    this.patchBytes = bounded(options.patchBytes, BARE_PATCH_MAX_BYTES);
    this.landingMs = bounded(options.landingMs, BARE_LANDING_MAX_MS);
    this.landingShare = share(options.landingShare);
  }

  override onDispose(): void {
    for (const timer of this.landing) clearTimeout(timer);
  }

  /** Every card adds its share of a landing; a whole one lands. */
  private maybeLand(): void {
    this.landingsDue += this.landingShare;
    if (this.landingsDue < 1) return;
    this.landingsDue -= 1;
    this.landLater();
  }

  /** The card lands on a timer of its own and both clients see it at once, as a segment's arrival. */
  private landLater(): void {
    const timer = setTimeout(() => {
      this.landing.delete(timer);
      this.state.landings++;
      this.state.landed = LETTERS[this.state.landings % LETTERS.length]!.repeat(this.patchBytes);
      this.broadcastPatch();
    }, this.landingMs);
    this.landing.add(timer);
  }
}

/** A share from 0 to 1; 1 (every card) when absent or not a number. */
function share(value: unknown): number {
  const n = Number(value ?? 1);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 1;
}

/** An integer option from 0 to `max`; 0 for anything else. */
function bounded(value: unknown, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) ? Math.min(max, Math.max(0, n)) : 0;
}
