import type { Room } from '@colyseus/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Alarm, roomAlarm } from '../../server/rooms/seated/alarm.ts';
import { challengeConfig, createChallenge, me, newPlayerId, play as playInChallenge, until as untilChallenge } from './challengeClient.ts';
import { segmentsOf, movesOf, bootGame, pairUp, play, testConfig, until, type TestServer } from './gameServer.ts';

describe('an alarm', () => {
  beforeEach(() => { vi.useFakeTimers({ now: 0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('rings once at the time it was last set for, and not at all once set to null', () => {
    const rang: number[] = [];
    const alarm = new Alarm(() => rang.push(Date.now()));
    alarm.set(500);
    alarm.set(200);
    vi.advanceTimersByTime(1000);
    expect(rang).toEqual([200]);
    alarm.set(1300);
    alarm.set(null);
    vi.advanceTimersByTime(1000);
    expect(rang).toEqual([200]);
  });

  it('rings a time already past on the next turn, never within the call that set it', () => {
    const ring = vi.fn();
    new Alarm(ring).set(-50);
    expect(ring).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ring).toHaveBeenCalledOnce();
  });

  it('rings many alarms, each once at the time it was last set for, whatever order they were set, moved and cancelled in', () => {
    // A small linear congruential generator: the same alarms every run.
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed % n; };
    const rang = new Map<number, number[]>();
    const alarms = Array.from({ length: 300 }, (_, i) => new Alarm(() => rang.set(i, [...(rang.get(i) ?? []), Date.now()])));
    const expected = new Map<number, number>();
    for (let i = 0; i < alarms.length; i++) { const at = 1 + next(5000); alarms[i]!.set(at); expected.set(i, at); }
    // Moved earlier and later, cancelled, cancelled then set again: the heap's every path.
    for (let k = 0; k < 200; k++) {
      const i = next(alarms.length);
      if (k % 5 === 0) { alarms[i]!.set(null); expected.delete(i); }
      else { const at = 1 + next(5000); alarms[i]!.set(at); expected.set(i, at); }
    }
    vi.advanceTimersByTime(6000);
    expect(new Map([...rang].sort(([a], [b]) => a - b))).toEqual(new Map([...expected].sort(([a], [b]) => a - b).map(([i, at]) => [i, [at]])));
  });

  it('rings an alarm set again while ringing on a later turn, as it would its own timer', () => {
    const rang: number[] = [];
    const again = new Alarm(() => { rang.push(Date.now()); if (rang.length < 3) again.set(Date.now()); });
    again.set(100);
    vi.advanceTimersByTime(100);
    expect(rang).toEqual([100]);
    vi.advanceTimersByTime(2);
    expect(rang).toEqual([100, 101, 102]);
  });

  it('hands a failure while ringing to the room, which stays up', () => {
    const onUncaughtException = vi.fn();
    const room = { clock: { tick: vi.fn() }, broadcastPatch: vi.fn(), onUncaughtException } as unknown as Room;
    roomAlarm(room, () => { throw new Error('bug'); }).set(10);
    vi.advanceTimersByTime(10);
    expect(onUncaughtException).toHaveBeenCalledWith(expect.objectContaining({ message: 'bug' }), 'setTimeout');
  });
});

const TICK_MS = 1000;

describe('rooms that tick only once a second', () => {
  let colyseus: TestServer;
  // The network takes 60 ms (FAST), far less than a tick: only the alarm can deliver on time.
  beforeAll(async () => {
    colyseus = await bootGame({ ...challengeConfig({ tickMs: TICK_MS, durationMs: 3000 }), pair: testConfig({ tickMs: TICK_MS }).pair });
  });
  afterAll(async () => { await colyseus.shutdown(); });
  beforeEach(async () => { await colyseus.cleanup(); });

  // Each patch carries the room's time when it changed something (serverTime): a patch sent at
  // the next tick would carry a time up to a second after the event, one sent at once the event's own.
  it('shows a card to both players at once and lands it when the network says, not at the next tick', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake']);
    await play(a, { card: 'SYN' });
    // The player's own view has the card by the time the verdict comes: the patch went first.
    expect(a.state.segments.length).toBe(1);
    const seen = await until(b, (s) => s.segments.length === 1);
    expect(seen.serverTime - segmentsOf(seen)[0]!.sentAt).toBeLessThan(TICK_MS / 2);
    const landed = await until(b, (s) => segmentsOf(s)[0]?.status === 'delivered');
    const [segment] = segmentsOf(landed);
    expect(segment!.arriveAt - segment!.sentAt).toBe(60);
    expect(landed.serverTime - segment!.arriveAt).toBeLessThan(TICK_MS / 2);
  });

  it('lets a challenge\'s bot answer in its reaction time, ticks or not', async () => {
    const room = await createChallenge(colyseus, { nickname: 'Ada', playerId: newPlayerId(), kind: 'free' });
    const mine = () => me(room).role;
    const botMoved = (s: typeof room.state) => movesOf(s).some((m) => m.role !== mine());
    const state = await untilChallenge(room, (s) => botMoved(s) || me(room).hints.length > 0);
    // The bot answers the round's start or the person's card, whichever came first.
    const asked = botMoved(state) ? state.roundClockStartsAt
      : (await playInChallenge(room, { card: me(room).hints[0]! })).move.at;
    const moved = await untilChallenge(room, botMoved);
    const botMove = movesOf(moved).find((m) => m.role !== mine())!;
    // 60 ms of network and 30 of reaction (SHORT): well inside a tick, so only the alarm is this quick.
    expect(botMove.at - asked).toBeLessThan(TICK_MS / 2);
  });
});
