/**
 * When a seated room's patches carry the time: with every change and when the round's clock
 * starts, and in a room where nothing changes only every CLOCK_SYNC_MS, since each stamp is a
 * frame to every client (issue 21). The browser keeps its samples of the room's clock long
 * enough to hold two of those stamps, and stands still with a paused room.
 */
import type { Clock } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { ServerClock } from '../../client/net/serverClock.ts';
import { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import { SeatedClock } from '../../server/rooms/seated/seatedClock.ts';
import type { RoundPolicy } from '../../server/rooms/seated/roundPolicy.ts';
import { SeatTable } from '../../server/rooms/seated/seatTable.ts';
import { STEADY_BOT } from '../../shared/bots/bot.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { CLOCK_SYNC_MS } from '../../shared/protocol.ts';

const policy: RoundPolicy<MatchState> = {
  match: (m) => m, step: (m, input) => step(m, input), ended: () => false, deadline: () => Infinity,
  cutShort: (m) => m, roleOf: () => 'client', total: () => 0, ready: () => false, project: () => undefined,
};

function seatedClockAt(start: number) {
  let now = start;
  const alarms: (number | null)[] = [];
  const view = new PairRoomState({ mode: 'private', difficulty: 'flags', speed: 'normal' });
  const clock = new SeatedClock<MatchState>({
    view, seats: new SeatTable(), policy, bot: STEADY_BOT, clock: { get currentTime() { return now; } } as Clock,
    alarm: { set: (at) => void alarms.push(at) }, onEvents: () => undefined, onEnd: () => undefined,
  });
  return { view, clock, alarms, to: (t: number) => { now = t; } };
}

describe('the time on a seated room\'s patches', () => {
  it('rides on every change and on the round\'s clock starting; on an unchanged room\'s patch only every CLOCK_SYNC_MS', () => {
    const { view, clock, alarms, to } = seatedClockAt(10_000);
    clock.begin(createMatch({ scenarioId: 'handshake', settings: makeSettings(), seed: 1, now: 10_000, getReadyMs: 3000 }));
    clock.stampPatch();
    expect(view.serverTime).toBe(10_000);
    // The get-ready count-down: nothing changes, and the browser counts down on its own clock.
    for (const t of [11_000, 12_000, 12_999]) {
      to(t);
      clock.stampPatch();
      expect(view.serverTime, `at ${t}`).toBe(10_000);
    }
    // The alarm rings when the round's clock starts, and that patch says so.
    expect(alarms.at(-1)).toBe(13_000);
    to(13_000);
    clock.tick();
    clock.stampPatch();
    expect(view.serverTime).toBe(13_000);
    for (const t of [14_000, 13_000 + CLOCK_SYNC_MS - 1]) {
      to(t);
      clock.tick();
      clock.stampPatch();
      expect(view.serverTime, `at ${t}`).toBe(13_000);
    }
    to(13_000 + CLOCK_SYNC_MS);
    clock.stampPatch();
    expect(view.serverTime).toBe(13_000 + CLOCK_SYNC_MS);
    // A card is a change: its patch carries the time at once.
    to(13_000 + CLOCK_SYNC_MS + 700);
    expect(clock.play({ role: 'client', card: 'SYN' })).not.toBeNull();
    clock.stampPatch();
    expect(view.serverTime).toBe(13_000 + CLOCK_SYNC_MS + 700);
  });
});

describe('a paused seated match', () => {
  it('stops at the moment of the pause and goes on from the resume, not from the room clock\'s last ticks', () => {
    // The room clock moves only when ticked; a class's pause and resume come between its ticks.
    let real = 10_000;
    let ticked = real;
    const roomClock = { get currentTime() { return ticked; }, tick() { ticked = real; } } as unknown as Clock;
    const clock = new SeatedClock<MatchState>({
      view: new PairRoomState({ mode: 'class', difficulty: 'flags', speed: 'normal' }), seats: new SeatTable(), policy, bot: STEADY_BOT,
      clock: roomClock, alarm: { set: () => undefined }, onEvents: () => undefined, onEnd: () => undefined,
    });
    clock.begin(createMatch({ scenarioId: 'handshake', settings: makeSettings(), seed: 1, now: 10_000, getReadyMs: 0 }));
    real = 10_200;
    clock.pause();
    expect(clock.now()).toBe(10_200);
    real = 15_000;
    clock.resume();
    // 100 ms after the resume, the match is 100 ms past its pause.
    real = 15_100;
    ticked = real;
    expect(clock.now()).toBe(10_300);
  });
});

describe('the browser\'s samples of the room\'s clock', () => {
  it('keep the least delayed of the last two quiet stamps, and forget older ones', () => {
    const clock = new ServerClock();
    // Room time = local + 5000, the first patch 40 ms late, the next only 10 ms.
    clock.observe({ serverTime: 5000 - 40 }, 0);
    clock.observe({ serverTime: 5000 + CLOCK_SYNC_MS - 10 }, CLOCK_SYNC_MS);
    expect(clock.now(CLOCK_SYNC_MS + 100)).toBe(5000 + CLOCK_SYNC_MS + 100 - 10);
    // Two quiet stamps later the first is gone; the best still kept is what counts.
    clock.observe({ serverTime: 5000 + 2 * CLOCK_SYNC_MS - 30 }, 2 * CLOCK_SYNC_MS);
    expect(clock.now(2 * CLOCK_SYNC_MS)).toBe(5000 + 2 * CLOCK_SYNC_MS - 10);
    clock.observe({ serverTime: 5000 + 3 * CLOCK_SYNC_MS - 30 }, 3 * CLOCK_SYNC_MS);
    expect(clock.now(3 * CLOCK_SYNC_MS)).toBe(5000 + 3 * CLOCK_SYNC_MS - 30);
  });

  it('stands still at a paused room\'s time, and after the pause forgets the samples that would run ahead', () => {
    const clock = new ServerClock();
    // Room time = local + 5000 until the pause at room time 8000 (local 3000).
    clock.observe({ serverTime: 5000 }, 0);
    clock.observe({ serverTime: 8000, paused: true }, 3000);
    // Four seconds of pause: the room's clock and every deadline on it stand still.
    expect(clock.now(3000)).toBe(8000);
    expect(clock.now(7000)).toBe(8000);
    // It goes on from 8000 at local 7000: room time = local + 1000 now, not + 5000.
    clock.observe({ serverTime: 8000 }, 7000);
    expect(clock.now(7500)).toBe(8500);
  });
});
