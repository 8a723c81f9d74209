/**
 * A pair room's state without Colyseus's room, transport or clients: its round clock, its
 * synchronised state and a schema Encoder attached as a room's is, both seats played by bots.
 * What memoryState.ts and patchCost.ts measure, each room in another scenario of the catalogue.
 */
import type { Clock } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { makeSettings } from '../../shared/match/settings.ts';
import { LIMITS } from '../../shared/protocol.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import { makePlaylist, type Playlist } from '../../server/rooms/pair/playlist.ts';
import { PairRounds } from '../../server/rooms/pair/pairRounds.ts';
import { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import { newSeat } from '../../server/rooms/seated/seats.ts';
import { SeatTable } from '../../server/rooms/seated/seatTable.ts';

/** The room's patch rate and tick, as the server runs them. */
export const PATCH_MS = 50;
/** Bots about as quick as the bench's clients (a card a second between the two of them). */
export const BOT = { reactionMs: 400, errorRate: 0.05 };
/** The bench's rooms: fast, flags, some loss, the whole catalogue. */
export const SETTINGS = makeSettings({ difficulty: 'flags', speed: 'fast', lossRate: 0.05 });
const CATALOGUE = SCENARIO_IDS.slice(0, LIMITS.playlistMax);

/** Room `i` starts at the i-th scenario, so the rooms together play every one. */
export function playlistOf(i: number): Playlist {
  const k = i % CATALOGUE.length;
  return makePlaylist({ playlist: [...CATALOGUE.slice(k), ...CATALOGUE.slice(0, k)], rounds: LIMITS.roundsMax });
}

/** Just enough of Colyseus's clock for a round clock: the time, and timers that never fire here. */
export class StillClock {
  currentTime = 0;
  setTimeout(): { clear(): void } {
    return { clear: () => undefined };
  }
}

export interface StateRoom {
  readonly clock: StillClock;
  readonly rounds: PairRounds;
  readonly view: PairRoomState;
  readonly encoder: Encoder;
}

/** A room with its first round started at `now`; ticked by hand, so nothing needs the alarm or the timers. */
export function openStateRoom(seed: number, now = 0): StateRoom {
  const playlist = playlistOf(seed);
  const clock = new StillClock();
  clock.currentTime = now;
  const view = new PairRoomState();
  const encoder = new Encoder(view);
  const seats = new SeatTable();
  for (const id of ['a', 'b']) seats.take(newSeat(seats, id, id, true));
  const rounds = new PairRounds({
    view, settings: SETTINGS, playlist, seats, bot: BOT, seed, betweenRoundsMs: 60_000, getReadyMs: 0, deadlinesPerPlayer: false,
    clock: clock as unknown as Clock, alarm: { set: () => undefined }, onEvents: () => undefined, onRoundEnd: () => undefined,
  });
  Object.assign(view, { mode: 'private', difficulty: SETTINGS.difficulty, speed: SETTINGS.speed, lossRate: SETTINGS.lossRate, rounds: playlist.rounds });
  rounds.startNext();
  return { clock, rounds, view, encoder };
}
