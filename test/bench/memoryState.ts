/**
 * What a pair room's own state costs, without Colyseus's room, transport or clients, to the
 * byte: N round clocks in this process, each with its synchronised state attached to a schema
 * Encoder as a room's is (patches encoded every 50 ms), both seats played by bots to the same
 * point of a round (each room in another scenario); then the heap after a full collection, per room. The engine's match alone
 * is measured the same way, so the rest is the schema view of it. Deterministic, so a change
 * to the schema or the projection shows its effect exactly.
 *
 *   node --expose-gc test/bench/memoryState.ts [--rooms=500] [--play-ms=8000]
 */
import { botDecision } from '../../shared/bots/bot.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import type { Role } from '../../shared/match/cards.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { parseArgs } from 'node:util';
import { seedFrom } from '../../shared/random.ts';
import { BOT, openStateRoom as openRoom, PATCH_MS, playlistOf, SETTINGS, type StateRoom as Room } from './stateRoom.ts';

/** The room's life for `ms`: a tick and a patch every 50 ms. */
function play(room: Room, ms: number): void {
  for (let t = PATCH_MS; t <= ms; t += PATCH_MS) {
    room.clock.currentTime = t;
    room.rounds.tick();
    room.encoder.encode();
    room.encoder.discardChanges();
  }
}

/** The engine alone, with the same bots, seeds and time steps: what a round clock keeps of a round. */
function playMatch(seed: number, ms: number): MatchState {
  let match = createMatch({ scenarioId: playlistOf(seed).scenarios[0]!, settings: SETTINGS, seed: seedFrom(`${seed}:1`), now: 0 });
  for (let t = PATCH_MS; t <= ms && match.status === 'playing'; t += PATCH_MS) {
    match = step(match, { kind: 'tick', now: t }).state;
    for (const role of ['client', 'server'] as Role[]) {
      const decision = match.status === 'playing' ? botDecision(match, role, BOT) : null;
      if (decision && decision.at <= t) match = step(match, { ...decision.input, now: t }).state;
    }
  }
  return match;
}

function heapAfterGc(gc: () => void): { heap: number; external: number } {
  for (let i = 0; i < 3; i++) gc();
  const { heapUsed, external } = process.memoryUsage();
  return { heap: heapUsed, external };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

function main(): void {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const { values } = parseArgs({ options: { rooms: { type: 'string', default: '500' }, 'play-ms': { type: 'string', default: '8000' } } });
  const args = { rooms: Number(values.rooms), playMs: Number(values['play-ms']) };
  // Warm up: code, shapes and caches are the process's, not a room's.
  for (let i = 0; i < 20; i++) play(openRoom(1_000_000 + i), args.playMs);
  playMatch(1, args.playMs);

  const base = heapAfterGc(gc);
  const matches = Array.from({ length: args.rooms }, (_, i) => playMatch(i, args.playMs));
  const withMatches = heapAfterGc(gc);
  matches.length = 0;

  const emptied = heapAfterGc(gc);
  const rooms = Array.from({ length: args.rooms }, (_, i) => openRoom(i));
  for (const room of rooms) play(room, args.playMs);
  const withRooms = heapAfterGc(gc);

  const tally = { segments: 0, moves: 0, stateLog: 0 };
  for (const r of rooms) {
    tally.segments += r.view.segments.length;
    tally.moves += r.view.moves.length;
    tally.stateLog += r.view.stateLog.length;
  }
  const per = (n: number) => (n / args.rooms).toFixed(1);
  const match = (withMatches.heap - base.heap) / args.rooms;
  const room = (withRooms.heap - emptied.heap) / args.rooms;
  console.log(`${args.rooms} rooms, ${args.playMs} ms into round 1: ${per(tally.segments)} segments, ${per(tally.moves)} moves, ${per(tally.stateLog)} state-log entries per room`);
  console.log(`per room, heap after GC: ${kb(room)} in all = engine match ${kb(match)} + schema state and encoder ${kb(room - match)}`);
  console.log(`per room, external (encoder buffer): ${kb((withRooms.external - emptied.external) / args.rooms)}`);
}

main();
