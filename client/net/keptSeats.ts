/*
 * The seats this browser holds in rooms, by room code, as kept between pages: the reconnection
 * token and when the server stops keeping the seat. Pure functions of the record and `now`;
 * seatKeys.ts keeps the record in localStorage, so a tab closed by mistake, or the whole
 * browser, can come back within the window.
 *
 * Several tabs share localStorage, and a token given to the server by a second tab would take
 * the seat from the first (Colyseus closes the connection that holds the token). So a page that
 * has the seat open renews `heldAt` every few seconds, and lets go when it is hidden for good
 * (closed, reloaded); another page resumes only a seat nobody holds now.
 */

/** One seat, as kept between pages. */
export interface KeptSeat {
  /** The SDK's reconnection token (`roomId:token`). */
  readonly token: string;
  /** When the server stops keeping the seat if no page holds it from now on (ms since the epoch). */
  readonly until: number;
  /** The last time a page with the seat open said so; 0 once it let go. */
  readonly heldAt: number;
  /** How long the server keeps a dropped seat (the room's `seatKeptSeconds`). */
  readonly windowMs: number;
}

export type KeptSeats = Readonly<Record<string, KeptSeat>>;

/** How often a page with the seat open says so. */
export const HOLD_RENEW_MS = 2000;
/** How old that word may be before the page counts as gone (a hidden tab's timers run once a second). */
export const HOLD_FRESH_MS = 6000;
/** How long a seat is remembered after its window, so that its link can say the seat is gone. */
export const EXPIRED_KEPT_MS = 10 * 60_000;

/** What this browser can do about the seat in room `code`. */
export type SeatLookup =
  | { readonly kind: 'resume'; readonly token: string }
  /** Another page of this browser said a moment ago (at `heldAt`) that it has the seat open. */
  | { readonly kind: 'otherTab'; readonly heldAt: number }
  /** The window is over: the server no longer keeps the seat. */
  | { readonly kind: 'expired' }
  | { readonly kind: 'none' };

/** The page holding the seat says so (at the start, on every renewal, with each new token). */
export function held(seats: KeptSeats, code: string, token: string, windowMs: number, now: number): KeptSeats {
  return { ...pruned(seats, now), [code]: { token, until: now + windowMs, heldAt: now, windowMs } };
}

/** A page is about to come back with the token: other pages now find the seat taken. */
export function claimed(seats: KeptSeats, code: string, now: number): KeptSeats {
  const seat = seats[code];
  return seat ? { ...seats, [code]: { ...seat, heldAt: now } } : seats;
}

/** The page goes (closed, reloaded): the server keeps the seat for its window from now. Only the token's own page lets go. */
export function letGo(seats: KeptSeats, code: string, token: string, now: number): KeptSeats {
  const seat = seats[code];
  if (!seat || seat.token !== token) return seats;
  return { ...seats, [code]: { ...seat, until: now + seat.windowMs, heldAt: 0 } };
}

/** The player left the room, or the seat is gone: nothing to come back to. Only the token's own page forgets it. */
export function forgotten(seats: KeptSeats, code: string, token?: string): KeptSeats {
  if (!seats[code] || (token !== undefined && seats[code].token !== token)) return seats;
  const { [code]: _gone, ...rest } = seats;
  return rest;
}

/** Whether this browser can take the seat in `code` back now. */
export function lookUp(seats: KeptSeats, code: string, now: number): SeatLookup {
  const seat = seats[code];
  if (!seat) return { kind: 'none' };
  if (seat.heldAt > 0 && now - seat.heldAt < HOLD_FRESH_MS) return { kind: 'otherTab', heldAt: seat.heldAt };
  if (now >= seat.until) return { kind: 'expired' };
  return { kind: 'resume', token: seat.token };
}

/** The code of the seat the player most recently had open, if any is still remembered. */
export function latest(seats: KeptSeats, now: number): string | null {
  const codes = Object.keys(pruned(seats, now));
  if (codes.length === 0) return null;
  // A seat that can be taken back comes first: it is the one worth going back to.
  const rank = (code: string): number => (lookUp(seats, code, now).kind === 'resume' ? 1 : 0);
  return codes.reduce((best, code) => (rank(code) - rank(best) || seats[code]!.until - seats[best]!.until) > 0 ? code : best);
}

/** Without seats whose window is long over. */
export function pruned(seats: KeptSeats, now: number): KeptSeats {
  return Object.fromEntries(Object.entries(seats).filter(([, seat]) => now < seat.until + EXPIRED_KEPT_MS));
}

const isSeat = (v: unknown): v is KeptSeat => {
  const s = v as Partial<KeptSeat> | null;
  return typeof s === 'object' && s !== null && typeof s.token === 'string' && typeof s.until === 'number'
    && typeof s.heldAt === 'number' && typeof s.windowMs === 'number';
};

/** The record as stored; anything damaged is dropped rather than sent to the server. */
export function parseKeptSeats(json: string | null): KeptSeats {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter(([, seat]) => isSeat(seat)));
  } catch {
    return {};
  }
}
