/**
 * The one owner of a seated match's seats. The rooms, their clock and a class's link read
 * seats freely and change them only through the transitions named here, so what can happen to
 * a seat (taken, dropped, back, handed to a bot, ready, banked, moved to its student's
 * connection) is listed in one place.
 */
import type { Seat } from './seats.ts';

type Writable<S> = { -readonly [K in keyof S]: S[K] };

export class SeatTable<S extends Seat = Seat> {
  private readonly seats = new Map<string, Writable<S>>();

  get size(): number {
    return this.seats.size;
  }

  get(id: string): S | undefined {
    return this.seats.get(id);
  }

  has(id: string): boolean {
    return this.seats.has(id);
  }

  values(): IterableIterator<S> {
    return this.seats.values();
  }

  [Symbol.iterator](): IterableIterator<S> {
    return this.seats.values();
  }

  find(test: (seat: S) => boolean): S | undefined {
    for (const seat of this.seats.values()) if (test(seat)) return seat;
    return undefined;
  }

  /** Every seat is ready for the next round (bots always are). */
  allReady(): boolean {
    for (const seat of this.seats.values()) if (!seat.ready) return false;
    return true;
  }

  /** A player or a bot sits down; the seat is theirs for the match. */
  take(seat: S): void {
    this.seats.set(seat.id, { ...seat });
  }

  /** Someone left before the match began: the seat is free again. */
  free(id: string): void {
    this.seats.delete(id);
  }

  /** The connection dropped; the seat is kept for a reconnection. */
  drop(id: string): void {
    const seat = this.seats.get(id);
    if (seat) seat.connected = false;
  }

  /** The player reconnected to their kept seat. */
  comeBack(id: string): void {
    const seat = this.seats.get(id);
    if (seat) seat.connected = true;
  }

  /** The player left for good: a bot plays the seat from now on, and is always ready. */
  handToBot(id: string): void {
    const seat = this.seats.get(id);
    if (!seat) return;
    seat.isBot = true;
    seat.connected = true;
    seat.ready = true;
  }

  markReady(id: string): void {
    const seat = this.seats.get(id);
    if (seat) seat.ready = true;
  }

  /** A new round begins or one ended: only the bots are ready for the next. */
  unready(): void {
    for (const seat of this.seats.values()) seat.ready = seat.isBot;
  }

  /** Adds each seat's points of the round just played to what it has banked. */
  bank(pointsOf: (seat: S) => number): void {
    for (const seat of this.seats.values()) seat.banked += pointsOf(seat);
  }

  /**
   * The seat's player is now on another connection (a class's student arriving with their
   * reservation, or leaving it free again under their student id): same seat, new id.
   */
  move(id: string, to: Pick<Seat, 'id' | 'connected' | 'isBot' | 'ready'>): void {
    const seat = this.seats.get(id);
    if (!seat) return;
    this.seats.delete(id);
    this.seats.set(to.id, { ...seat, ...to });
  }
}
