/*
 * The seats this browser holds, kept in localStorage (keptSeats.ts says how and why): unlike
 * sessionStorage it outlives the tab and the browser, so a player who closes either comes back
 * to their seat by the invite link or the site within the window.
 */
import { claimed, forgotten, held, latest, letGo, lookUp, parseKeptSeats, type KeptSeats, type SeatLookup } from './keptSeats.ts';

const KEY = 'tango.seats';

function read(): KeptSeats {
  return parseKeptSeats(localStorage.getItem(KEY));
}

function write(seats: KeptSeats): void {
  localStorage.setItem(KEY, JSON.stringify(seats));
}

export const seatKeys = {
  /** This page has the seat open (renewed every few seconds while connected). */
  hold(code: string, token: string, windowMs: number): void {
    write(held(read(), code, token, windowMs, Date.now()));
  },
  /** This page is about to come back with the kept token; other pages now find the seat taken. */
  claim(code: string): void {
    write(claimed(read(), code, Date.now()));
  },
  /** This page goes; the seat can be taken back from another page until its window is over. */
  letGo(code: string, token: string): void {
    write(letGo(read(), code, token, Date.now()));
  },
  /** Nothing to come back to in `code` (left, or gone); only the token's own page forgets its seat. */
  forget(code: string, token?: string): void {
    write(forgotten(read(), code, token));
  },
  lookUp(code: string): SeatLookup {
    return lookUp(read(), code, Date.now());
  },
  /** Whether the page that has the seat open renewed its claim since `heldAt`; false when it did not (it is gone). */
  renewedSince(code: string, heldAt: number): boolean {
    return (read()[code]?.heldAt ?? 0) > heldAt;
  },
  /** That page's last claim is taken as its last word: the seat is nobody's now. */
  release(code: string): void {
    const token = read()[code]?.token;
    if (token) write(letGo(read(), code, token, Date.now()));
  },
  /** The token kept for `code`, whoever holds it. */
  tokenOf(code: string): string | null {
    return read()[code]?.token ?? null;
  },
  /** The room of the seat most recently open in this browser, if one is remembered. */
  latest(): string | null {
    return latest(read(), Date.now());
  },
};
