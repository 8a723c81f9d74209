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
import type { Clock } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { botDecision } from '../../shared/bots/bot.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import type { Role } from '../../shared/match/cards.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { LIMITS } from '../../shared/protocol.ts';
import { seedFrom } from '../../shared/random.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import { makePlaylist, type Playlist } from '../../server/rooms/pair/playlist.ts';
import { PairRounds } from '../../server/rooms/pair/pairRounds.ts';
import { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import { newSeat } from '../../server/rooms/seated/seats.ts';
import { SeatTable } from '../../server/rooms/seated/seatTable.ts';

/** The room's patch rate and tick, as the server runs them. */
const PATCH_MS = 50;
/** Bots about as quick as the bench's clients (a card a second between the two of them). */
const BOT = { reactionMs: 400, errorRate: 0.05 };
/** The bench's rooms: fast, flags, some loss, the whole catalogue. */
const SETTINGS = makeSettings({ difficulty: 'flags', speed: 'fast', lossRate: 0.05 });
const CATALOGUE = SCENARIO_IDS.slice(0, LIMITS.playlistMax);

/** Room `i` starts at the i-th scenario, so the rooms together play every one. */
function playlistOf(i: number): Playlist {
  const k = i % CATALOGUE.length;
  return makePlaylist({ playlist: [...CATALOGUE.slice(k), ...CATALOGUE.slice(0, k)], rounds: LIMITS.roundsMax });
}

function parseArgs(argv: readonly string[]) {
  const flags = new Map(argv.map((a) => a.replace(/^--/, '').split('=', 2) as [string, string | undefined]));
  return { rooms: Number(flags.get('rooms') ?? 500), playMs: Number(flags.get('play-ms') ?? 8000) };
}

/** Just enough of Colyseus's clock for a round clock: the time, and timers that never fire here. */
class StillClock {
  currentTime = 0;
  setTimeout(): { clear(): void } {
    return { clear: () => undefined };
  }
}

interface Room {
  readonly clock: StillClock;
  readonly rounds: PairRounds;
  readonly view: PairRoomState;
  readonly encoder: Encoder;
}

function openRoom(seed: number): Room {
  const playlist = playlistOf(seed);
  const clock = new StillClock();
  const view = new PairRoomState();
  const encoder = new Encoder(view);
  const seats = new SeatTable();
  for (const id of ['a', 'b']) seats.take(newSeat(seats, id, id, true));
  const rounds = new PairRounds({
    view, settings: SETTINGS, playlist, seats, bot: BOT, seed, betweenRoundsMs: 60_000, getReadyMs: 0, deadlinesPerPlayer: false,
    // Ticked by hand below, every 50 ms, so nothing needs the alarm.
    clock: clock as unknown as Clock, alarm: { set: () => undefined }, onEvents: () => undefined, onRoundEnd: () => undefined,
  });
  Object.assign(view, { mode: 'private', difficulty: SETTINGS.difficulty, speed: SETTINGS.speed, lossRate: SETTINGS.lossRate, rounds: playlist.rounds });
  rounds.startNext();
  return { clock, rounds, view, encoder };
}

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
  const args = parseArgs(process.argv.slice(2));
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
