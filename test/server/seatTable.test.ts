/**
 * The seat table keeps its seats twice, by id and as a list the rooms read by index at every
 * step: both must always hold the same seats, in the order they were taken, as a `Map` would.
 */
import { describe, expect, it } from 'vitest';
import type { Seat } from '../../server/rooms/seated/seats.ts';
import { SeatTable } from '../../server/rooms/seated/seatTable.ts';

const seat = (id: string, nickname = id): Seat => ({ id, nickname, connected: true, isBot: false, ready: false, banked: 0, firstRole: 'client' });

const ids = (table: SeatTable): string[] => table.values().map((s) => s.id);

describe('the seat table', () => {
  it('lists seats in the order taken; a seat taken again under its id keeps its place', () => {
    const table = new SeatTable();
    table.take(seat('a'));
    table.take(seat('b'));
    table.take(seat('a', 'Ada'));
    expect(ids(table)).toEqual(['a', 'b']);
    expect(table.get('a')?.nickname).toBe('Ada');
    expect(table.values()[0]).toBe(table.get('a'));
    expect([...table].map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('forgets a freed seat in both; a seat moved to a new id goes last, as a map would put it', () => {
    const table = new SeatTable();
    for (const id of ['a', 'b', 'c']) table.take(seat(id));
    table.free('b');
    table.free('nobody');
    expect(ids(table)).toEqual(['a', 'c']);
    expect(table.has('b')).toBe(false);
    expect(table.size).toBe(2);

    table.move('a', { id: 'student-a', connected: false, isBot: false, ready: true });
    expect(ids(table)).toEqual(['c', 'student-a']);
    expect(table.get('a')).toBeUndefined();
    expect(table.get('student-a')).toMatchObject({ nickname: 'a', connected: false, ready: true });
    expect(table.find((s) => s.ready)?.id).toBe('student-a');
    expect(table.allReady()).toBe(false);
  });

  it('changes a seat in place, seen the same way by id and in the list', () => {
    const table = new SeatTable();
    table.take(seat('a'));
    table.take(seat('b'));
    table.markReady('a');
    table.handToBot('b');
    expect(table.allReady()).toBe(true);
    expect(table.values().map((s) => [s.id, s.ready, s.isBot])).toEqual([['a', true, false], ['b', true, true]]);
    table.unready();
    expect(table.values().map((s) => s.ready)).toEqual([false, true]);
  });
});
