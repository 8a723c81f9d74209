import { describe, expect, it } from 'vitest';
import {
  claimed, EXPIRED_KEPT_MS, forgotten, held, HOLD_FRESH_MS, latest, letGo, lookUp, parseKeptSeats, type KeptSeats,
} from '../../client/net/keptSeats.ts';

const WINDOW = 30_000;
const T0 = 1_000_000;

describe('the seats a browser keeps between pages', () => {
  it('lets a closed page\'s seat be taken back by another page until its window is over, then says it expired', () => {
    let seats: KeptSeats = held({}, 'AB3K7', 'AB3K7:t1', WINDOW, T0);
    seats = letGo(seats, 'AB3K7', 'AB3K7:t1', T0 + 5000);
    expect(lookUp(seats, 'AB3K7', T0 + 5001)).toEqual({ kind: 'resume', token: 'AB3K7:t1' });
    expect(lookUp(seats, 'AB3K7', T0 + 5000 + WINDOW - 1).kind).toBe('resume');
    expect(lookUp(seats, 'AB3K7', T0 + 5000 + WINDOW).kind).toBe('expired');
    expect(lookUp(seats, 'ZZZZ9', T0).kind).toBe('none');
  });

  it('refuses a second page while the page that has the seat open keeps saying so, and not after it stops', () => {
    const seats = held({}, 'AB3K7', 'AB3K7:t1', WINDOW, T0);
    expect(lookUp(seats, 'AB3K7', T0 + HOLD_FRESH_MS - 1).kind).toBe('otherTab');
    // A page that crashed says nothing more: its seat is free for the player's next page.
    expect(lookUp(seats, 'AB3K7', T0 + HOLD_FRESH_MS).kind).toBe('resume');
    // A page about to come back with the token claims it first, so a third page finds it taken.
    expect(lookUp(claimed(seats, 'AB3K7', T0 + 10_000), 'AB3K7', T0 + 10_001).kind).toBe('otherTab');
  });

  it('lets only the page whose token is kept let go of the seat or forget it', () => {
    const seats = held({}, 'AB3K7', 'AB3K7:new', WINDOW, T0);
    expect(letGo(seats, 'AB3K7', 'AB3K7:old', T0 + 1)).toBe(seats);
    expect(forgotten(seats, 'AB3K7', 'AB3K7:old')).toBe(seats);
    expect(forgotten(seats, 'AB3K7', 'AB3K7:new')).toEqual({});
    expect(forgotten(seats, 'AB3K7')).toEqual({});
  });

  it('goes back to the most recent seat that can be taken back, and forgets seats long expired', () => {
    let seats: KeptSeats = held({}, 'OLD22', 'OLD22:t', WINDOW, T0);
    seats = letGo(held(seats, 'NEW33', 'NEW33:t', WINDOW, T0 + 1000), 'NEW33', 'NEW33:t', T0 + 1000);
    seats = letGo(seats, 'OLD22', 'OLD22:t', T0);
    expect(latest(seats, T0 + 2000)).toBe('NEW33');
    // An expired seat is still named (its link can say so) until it is long gone.
    expect(latest(seats, T0 + 1000 + WINDOW + 1)).toBe('NEW33');
    expect(latest(seats, T0 + 1000 + WINDOW + EXPIRED_KEPT_MS)).toBeNull();
  });

  it('reads a damaged record as no seats rather than sending it', () => {
    expect(parseKeptSeats('not json')).toEqual({});
    expect(parseKeptSeats('[1,2]')).toEqual({});
    expect(parseKeptSeats(JSON.stringify({ A: { token: 1 }, B: { token: 'B:t', until: 1, heldAt: 0, windowMs: 30_000 } })))
      .toEqual({ B: { token: 'B:t', until: 1, heldAt: 0, windowMs: 30_000 } });
  });
});
