/**
 * The one owner of a seated match's seats. The rooms, their clock and a class's link read
 * seats freely and change them only through the transitions named here, so what can happen to
 * a seat (taken, dropped, back, handed to a bot, ready, banked, moved to its student's
 * connection) is listed in one place.
 *
 * The seats are kept in a list as well as by id, in the order they were taken: the room reads
 * them all at every step, and a list is read by index without the iterator a `Map` needs (V8
 * allocates its results until it has optimised the reader, which at light load it rarely has).
 */
import type { Seat } from './seats.ts';

type Writable<S> = { -readonly [K in keyof S]: S[K] };

export class SeatTable<S extends Seat = Seat> {
  private readonly seats = new Map<string, Writable<S>>();
  /** The same seats as `seats`, in the order they were taken (as the map iterates them). */
  private readonly list: Writable<S>[] = [];

  get size(): number {
    return this.seats.size;
  }

  get(id: string): S | undefined {
    return this.seats.get(id);
  }

  has(id: string): boolean {
    return this.seats.has(id);
  }

  /** Every seat, in the order taken; read it by index where it runs at every step. */
  values(): readonly S[] {
    return this.list;
  }

  [Symbol.iterator](): Iterator<S> {
    return this.list[Symbol.iterator]();
  }

  find(test: (seat: S) => boolean): S | undefined {
    const { list } = this;
    for (let i = 0; i < list.length; i++) if (test(list[i]!)) return list[i];
    return undefined;
  }

  /** Every seat is ready for the next round (bots always are). */
  allReady(): boolean {
    const { list } = this;
    for (let i = 0; i < list.length; i++) if (!list[i]!.ready) return false;
    return true;
  }

  /** A player or a bot sits down; the seat is theirs for the match. */
  take(seat: S): void {
    this.put({ ...seat });
  }

  /** Someone left before the match began: the seat is free again. */
  free(id: string): void {
    if (!this.seats.delete(id)) return;
    this.list.splice(this.list.findIndex((s) => s.id === id), 1);
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
    for (const seat of this.list) seat.ready = seat.isBot;
  }

  /** Adds each seat's points of the round just played to what it has banked. */
  bank(pointsOf: (seat: S) => number): void {
    for (const seat of this.list) seat.banked += pointsOf(seat);
  }

  /**
   * The seat's player is now on another connection (a class's student arriving with their
   * reservation, or leaving it free again under their student id): same seat, new id.
   */
  move(id: string, to: Pick<Seat, 'id' | 'connected' | 'isBot' | 'ready'>): void {
    const seat = this.seats.get(id);
    if (!seat) return;
    this.free(id);
    this.put({ ...seat, ...to });
  }

  /** Seats `seat` under its id, replacing a seat of that id where it was (as `Map.set` does). */
  private put(seat: Writable<S>): void {
    const at = this.seats.has(seat.id) ? this.list.findIndex((s) => s.id === seat.id) : -1;
    this.seats.set(seat.id, seat);
    if (at >= 0) this.list[at] = seat;
    else this.list.push(seat);
  }
}
