/**
 * Draining before an exit (SIGTERM): the load balancer's probe turns 503, matchmaking here is
 * refused (a reverse proxy retries another process), the rooms here are locked so no matchmaker
 * sends new players to them, and new rooms go to other processes; rounds being played go on
 * until none is left or the time is up. Reconnections still come back to their rooms.
 */
import { matchMaker, type Presence, type Room } from '@colyseus/core';
import { DRAINING_PROCESSES } from './clusterOptions.ts';

type RoomEvents = { on(event: 'create' | 'dispose', listener: (room: Room) => void): unknown };

/** How often the rooms are looked at while draining; a round lasts seconds. */
const CHECK_EVERY_MS = 100;

/** A room whose state says a round is being played (pair, challenge and class rooms all do). */
function midRound(room: Room): boolean {
  const state: unknown = room.state;
  return typeof state === 'object' && state !== null && 'phase' in state && state.phase === 'playing';
}

export class Drain {
  readonly #rooms = new Set<Room>();
  #draining = false;

  /** Follows a room type's rooms in this process. */
  watch<H extends RoomEvents>(handler: H): H {
    handler.on('create', (room) => this.#rooms.add(room));
    handler.on('dispose', (room) => this.#rooms.delete(room));
    return handler;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** Rooms of this process with a round being played. */
  get roundsRunning(): number {
    let n = 0;
    for (const room of this.#rooms) if (midRound(room)) n++;
    return n;
  }

  /**
   * Starts draining; resolves once no round is being played here, or after `limitMs`, with
   * whether the rounds finished.
   */
  async begin(limitMs: number, presence: Presence = matchMaker.presence): Promise<boolean> {
    this.#draining = true;
    await presence.sadd(DRAINING_PROCESSES, matchMaker.processId);
    for (const room of this.#rooms) await room.lock();
    const deadline = Date.now() + limitMs;
    while (this.roundsRunning > 0) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
    }
    return true;
  }

  /** The process is leaving: it is no longer listed as draining (its id is never reused). */
  async end(presence: Presence = matchMaker.presence): Promise<void> {
    await presence.srem(DRAINING_PROCESSES, matchMaker.processId);
  }
}
