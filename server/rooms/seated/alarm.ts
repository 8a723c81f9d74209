/**
 * One timer per room, set for the next thing its round has due. A room's Colyseus clock moves
 * only when the room ticks it, and ticking every room 20 times a second, mostly to find that
 * nothing was due, cost a busy server about a third of its CPU (45–49 % → 29–42 % of a core at
 * 500 pairs); an alarm rings when a segment lands, a timer runs out or a bot's card is ready.
 */
import { TimedEventException, type Room } from '@colyseus/core';

export class Alarm {
  private readonly ring: () => void;
  private timer: NodeJS.Timeout | undefined;
  /** The wall-clock time (`Date.now()`, as the room clock) it is set for; Infinity when unset. */
  private at = Infinity;

  constructor(ring: () => void) {
    this.ring = ring;
  }

  /** Rings at `at` (room-clock time, `Date.now()`), or never for null; replaces any earlier setting. */
  set(at: number | null): void {
    const next = at ?? Infinity;
    if (next === this.at) return;
    this.cancel();
    if (next === Infinity) return;
    this.at = next;
    // Not before the next turn of the loop, so a bug that keeps something due cannot spin it.
    this.timer = setTimeout(this.fire, Math.max(1, Math.ceil(next - Date.now())));
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.at = Infinity;
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    this.at = Infinity;
    this.ring();
  };
}

/**
 * A room's alarm: when it rings, the room's clock catches up, `advance` lets what is due happen
 * (and sets the alarm again), and the clients see the result at once rather than at the next tick.
 */
export function roomAlarm(room: Room, advance: () => void): Alarm {
  return new Alarm(() => {
    try {
      room.clock.tick();
      advance();
      room.broadcastPatch();
    } catch (error) {
      // A timer's callback has no caller to throw to: reported as Colyseus reports its clock's.
      const cause = error instanceof Error ? error : new Error(String(error));
      room.onUncaughtException?.(new TimedEventException(cause, cause.message), 'setTimeout');
    }
  });
}
