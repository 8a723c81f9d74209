import { describe, expect, it } from 'vitest';
import { classClockEvents, classEvents, CUES, cuesFor, matchEvents, SOUND_KEYS, soundOn, type MatchMoment } from '../../client/audio/cues.ts';
import { classClockMoment } from '../../client/audio/classClockMoment.ts';
import { matchMoment } from '../../client/audio/matchMoment.ts';
import { SOUNDS } from '../../client/audio/sounds.ts';
import type { ClassroomView, PairRoomView, SegmentView } from '../../shared/protocol.ts';

const moment = (m: Partial<MatchMoment> = {}): MatchMoment => ({ readySeconds: null, secondsLeft: null, arrived: new Set(), ...m });

/** A solo round's view, the fields the sounds read; the clock starts at 3000 and the round ends at 63000. */
function view(segments: Partial<SegmentView>[] = [], over: Partial<PairRoomView> = {}): PairRoomView {
  return {
    phase: 'playing', roundStatus: 'playing', scenarioId: 'handshake', roundStartedAt: 0, roundClockStartsAt: 3000, roundEndsAt: 63_000,
    segments: segments.map((s, i) => ({ id: i + 1, from: 'server', arriveAt: 1000, status: 'flying', ...s })),
    ...over,
  } as unknown as PairRoomView;
}

describe('which sounds the game makes', () => {
  it('has a recipe for every cue, and one localStorage key for each place', () => {
    expect(Object.keys(SOUNDS).sort()).toEqual([...CUES].sort());
    for (const cue of CUES) expect(SOUNDS[cue].length).toBeGreaterThan(0);
    expect(new Set(Object.values(SOUND_KEYS)).size).toBe(3);
  });

  it('keeps sound on by default in solo and pair play and on the projector, but a class student\'s phone is silent until turned on', () => {
    expect(soundOn('play', null)).toBe(true);
    expect(soundOn('projector', null)).toBe(true);
    expect(soundOn('classPhone', null)).toBe(false);
    expect(soundOn('classPhone', 'on')).toBe(true);
    expect(soundOn('play', 'off')).toBe(false);
    expect(soundOn('projector', 'off')).toBe(false);
    // A damaged value is the default, not an error.
    expect(soundOn('play', 'loud')).toBe(true);
  });

  it('gives a right card "sent" then "right", a wrong card "wrong", and a card that crossed the peer\'s segment nothing', () => {
    expect(cuesFor([{ kind: 'judged', verdict: 'correct', sent: true }], true)).toEqual(['sent', 'right']);
    expect(cuesFor([{ kind: 'judged', verdict: 'correct', sent: false }], true)).toEqual(['right']);
    expect(cuesFor([{ kind: 'judged', verdict: 'wrongCard', sent: false }], true)).toEqual(['wrong']);
    expect(cuesFor([{ kind: 'judged', verdict: 'wrongNumbers', sent: false }], true)).toEqual(['wrong']);
    expect(cuesFor([{ kind: 'judged', verdict: 'missedDeadline', sent: false }], true)).toEqual(['wrong']);
    expect(cuesFor([{ kind: 'judged', verdict: 'stale', sent: false }], true)).toEqual([]);
    expect(cuesFor([{ kind: 'arrived' }, { kind: 'lost' }], true)).toEqual(['arrived', 'lost']);
  });

  it('makes no sound at all when muted', () => {
    const everything = [
      { kind: 'getReady', secondsLeft: 3 }, { kind: 'clockStarted' }, { kind: 'timeLeft', seconds: 2 }, { kind: 'judged', verdict: 'correct', sent: true },
      { kind: 'judged', verdict: 'wrongCard', sent: false }, { kind: 'arrived' }, { kind: 'lost' }, { kind: 'classRoundStarted' }, { kind: 'classRoundEnded' },
    ] as const;
    expect(cuesFor(everything, true).length).toBeGreaterThanOrEqual(everything.length);
    expect(cuesFor(everything, false)).toEqual([]);
  });

  it('ticks each number of the get-ready count-down, says "go" when the clock starts, and ticks only the round\'s last five seconds', () => {
    const ticks = [3, 2, 1].map((s) => moment({ readySeconds: s }));
    const running = (s: number): MatchMoment => moment({ secondsLeft: s });
    const seen = [...ticks, running(60), running(59), running(6), running(5), running(1), running(0)];
    const cues = seen.flatMap((now, i) => cuesFor(matchEvents(seen[i - 1] ?? null, now), true));
    expect(cues).toEqual(['tick', 'tick', 'tick', 'go', 'tick', 'tick']);
    // A screen opened (or reloaded) mid-round says nothing of the clock or of what had arrived; the same moment again adds nothing.
    expect(matchEvents(null, moment({ secondsLeft: 3, arrived: new Set([1, 2]) }))).toEqual([]);
    expect(matchEvents(running(4), running(4))).toEqual([]);
  });

  it('plays "arrived" once for the peer\'s segments that reached the player\'s host since the last moment', () => {
    expect(cuesFor(matchEvents(moment({ arrived: new Set([1]) }), moment({ arrived: new Set([1, 2, 3]) })), true)).toEqual(['arrived']);
    expect(matchEvents(moment({ arrived: new Set([1]) }), moment({ arrived: new Set([1]) }))).toEqual([]);
  });

  it('reads a match view as the screen shows it: count-down, clock, and only the peer\'s delivered segments as arrived', () => {
    const v = view([
      { from: 'server', arriveAt: 4000, status: 'delivered' },
      { from: 'client', arriveAt: 4000, status: 'delivered' },
      { from: 'server', arriveAt: 4000, status: 'lost' },
      { from: 'server', arriveAt: 9000, status: 'flying' },
      { from: 'server', arriveAt: -1, status: 'flying' },
    ]);
    expect(matchMoment(v, 'client', 500)).toMatchObject({ readySeconds: 3, secondsLeft: null });
    expect(matchMoment(v, 'client', 2100)).toMatchObject({ readySeconds: 1, secondsLeft: null });
    const playing = matchMoment(v, 'client', 5000);
    expect(playing).toMatchObject({ readySeconds: null, secondsLeft: 58 });
    expect([...playing.arrived]).toEqual([1]);
    // Where the header shows another clock (the timed challenge), the round's seconds are not given.
    expect(matchMoment(v, 'client', 5000, false).secondsLeft).toBeNull();
    expect(matchMoment(view([], { roundStatus: 'won' }), 'client', 5000).secondsLeft).toBeNull();
    expect(matchMoment(v, undefined, 5000).arrived.size).toBe(0);
  });

  it('plays the projector\'s round start when a round begins and its fanfare when the round ends, nothing when the console opens', () => {
    const lobby = { phase: 'lobby', round: 0 } as const;
    const first = { phase: 'playing', round: 1 } as const;
    const review = { phase: 'review', round: 1 } as const;
    const second = { phase: 'playing', round: 2 } as const;
    expect(classEvents(null, first)).toEqual([]);
    expect(cuesFor(classEvents(lobby, first), true)).toEqual(['roundStart']);
    expect(classEvents(first, first)).toEqual([]);
    expect(cuesFor(classEvents(first, review), true)).toEqual(['fanfare']);
    expect(cuesFor(classEvents(review, second), true)).toEqual(['roundStart']);
    expect(cuesFor(classEvents(first, review), false)).toEqual([]);
  });

  it('counts the projector down from the class clock: the get-ready\'s seconds, then the round\'s, standing still in a pause', () => {
    // The first pair's clock starts at 10 000, the last pair's round runs out at 70 000.
    const cls = (over: Partial<ClassroomView> = {}) =>
      ({ phase: 'playing', paused: false, clockStartsAt: 10_000, clockEndsAt: 70_000, serverTime: 8_000, ...over }) as ClassroomView;
    expect(classClockMoment(cls({ clockStartsAt: -1, clockEndsAt: -1 }), 9000)).toEqual({ readySeconds: null, secondsLeft: null });
    expect(classClockMoment(cls({ phase: 'review' }), 9000)).toEqual({ readySeconds: null, secondsLeft: null });
    expect(classClockMoment(cls(), 7_500)).toEqual({ readySeconds: 3, secondsLeft: null });
    expect(classClockMoment(cls(), 9_900)).toEqual({ readySeconds: 1, secondsLeft: null });
    expect(classClockMoment(cls(), 10_000)).toEqual({ readySeconds: null, secondsLeft: 60 });
    expect(classClockMoment(cls(), 90_000)).toEqual({ readySeconds: null, secondsLeft: 0 });
    // Paused at 66 000 (the server stamped it): it still says 4 s a minute later.
    expect(classClockMoment(cls({ paused: true, serverTime: 66_000 }), 126_000)).toEqual({ readySeconds: null, secondsLeft: 4 });
  });

  it('ticks the projector\'s get-ready and last seconds, goes when the clock starts, and is silent in between or when muted', () => {
    const at = (readySeconds: number | null, secondsLeft: number | null) => ({ readySeconds, secondsLeft });
    const cues = (before: ReturnType<typeof at> | null, now: ReturnType<typeof at>, on = true) => cuesFor(classClockEvents(before, now), on);
    expect(cues(at(null, null), at(3, null))).toEqual(['tick']);
    expect(cues(at(3, null), at(3, null))).toEqual([]);
    expect(cues(at(3, null), at(2, null))).toEqual(['tick']);
    expect(cues(at(1, null), at(null, 60))).toEqual(['go']);
    expect(cues(at(null, 60), at(null, 59))).toEqual([]);
    expect(cues(at(null, 6), at(null, 5))).toEqual(['tick']);
    expect(cues(at(null, 1), at(null, 0))).toEqual([]);
    // A later pair's start moves the end on: the number rises, nothing sounds.
    expect(cues(at(null, 4), at(null, 9))).toEqual([]);
    // A console opened mid-round says nothing about a clock already running.
    expect(cues(null, at(null, 3))).toEqual([]);
    expect(cues(at(3, null), at(2, null), false)).toEqual([]);
  });
});
