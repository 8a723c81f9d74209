/**
 * What a card costs in the synchronised state, without sockets: N pair rooms' round clocks in
 * this process, bots in both seats, each room ticked, stamped and encoded every 50 ms as the
 * server does, and every patch decoded by two clients' decoders, as the players' SDKs do. Prints
 * per judged card the time in the room's step (engine, bots and projection), in the encoder
 * (encode and discard) and in the two decoders. The rooms play the same cards on every run, so
 * two versions of the schema or the projection compare on equal work; the times are this
 * machine's, so compare alternating runs (issue 21). A finished match is replaced by a new room.
 *
 *   node test/bench/patchCost.ts [--rooms=200] [--seconds=90] [--no-clients]
 *
 * `--no-clients` leaves the decoders out, so the process holds only what a server holds: run it
 * under `node --trace-gc-nvp` to see what a scavenge finds alive in the rooms (README, Performance).
 */
import { Decoder } from '@colyseus/schema';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import { openStateRoom, PATCH_MS, type StateRoom } from './stateRoom.ts';

interface Measured extends StateRoom {
  readonly clients: readonly Decoder[];
  /** Judged moves of the current round counted so far. */
  moves: number;
}

/** A room and, with `clients`, its two players' decoders, each holding the full state. */
function open(seed: number, now: number, clients: boolean): Measured {
  const room = openStateRoom(seed, now);
  const full = room.encoder.encodeAll();
  const decoders = (clients ? [0, 1] : []).map(() => {
    const decoder = new Decoder(new PairRoomState());
    decoder.decode(full);
    return decoder;
  });
  return { ...room, clients: decoders, moves: 0 };
}

/** What `measurePatchCost` counted: the work (the same on every run) and the time it took (this machine's). */
export interface PatchCost {
  readonly cards: number;
  readonly patches: number;
  /** Patches decoded, by all the clients together. */
  readonly decoded: number;
  readonly patchBytes: number;
  /** Milliseconds in all, over the run. */
  readonly spentMs: { readonly step: number; readonly encode: number; readonly decode: number };
}

/** `rooms` rooms played for `seconds` of room time, every patch encoded once and decoded by two clients (unless `clients` is false). */
export function measurePatchCost(rooms: number, seconds: number, clients = true): PatchCost {
  let seed = 0;
  const playing = Array.from({ length: rooms }, () => open(seed++, 0, clients));
  const spentMs = { step: 0, encode: 0, decode: 0 };
  let cards = 0;
  let patches = 0;
  let decoded = 0;
  let patchBytes = 0;
  for (let t = PATCH_MS; t <= seconds * 1000; t += PATCH_MS) {
    for (let i = 0; i < playing.length; i++) {
      const room = playing[i]!;
      room.clock.currentTime = t;
      const t0 = performance.now();
      room.rounds.tick();
      if (room.view.phase === 'between') room.rounds.startNext();
      room.rounds.stampPatch();
      const t1 = performance.now();
      const patch = room.encoder.hasChanges ? room.encoder.encode() : undefined;
      room.encoder.discardChanges();
      const t2 = performance.now();
      if (patch) {
        for (let c = 0; c < room.clients.length; c++) room.clients[c]!.decode(patch);
        decoded += room.clients.length;
        patches++;
        patchBytes += patch.length;
      }
      const t3 = performance.now();
      spentMs.step += t1 - t0;
      spentMs.encode += t2 - t1;
      spentMs.decode += t3 - t2;
      const moves = room.rounds.match?.moves.length ?? 0;
      if (moves > room.moves) cards += moves - room.moves;
      room.moves = moves;
      if (room.view.phase === 'finished') playing[i] = open(seed++, t, clients);
    }
  }
  return { cards, patches, decoded, patchBytes, spentMs };
}

function main(): void {
  const { values } = parseArgs({
    options: { rooms: { type: 'string', default: '200' }, seconds: { type: 'string', default: '90' }, 'no-clients': { type: 'boolean', default: false } },
  });
  const args = { rooms: Number(values.rooms), seconds: Number(values.seconds), clients: !values['no-clients'] };
  const { cards, patches, patchBytes, spentMs } = measurePatchCost(args.rooms, args.seconds, args.clients);
  const perCard = (ms: number) => `${((ms * 1000) / cards).toFixed(1)} µs`;
  console.log(`${args.rooms} rooms, ${args.seconds} s: ${cards} cards, ${patches} patches, ${Math.round(patchBytes / cards)} bytes of patch per card`);
  const decode = args.clients ? `decode by two clients ${perCard(spentMs.decode)}` : 'no clients';
  console.log(`per card: step ${perCard(spentMs.step)}, encode ${perCard(spentMs.encode)}, ${decode}`);
}

if (import.meta.main) main();
