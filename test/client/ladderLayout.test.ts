import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/match/cards.ts';
import type { PairRoomView, SegmentView } from '../../shared/protocol.ts';
import { arrowHeadBox, clearOf, layoutLadder, placeMarks, type Arrow } from '../../client/ui/ladderLayout.ts';

const LATENCY = 800;

function segment(id: number, from: Role, sentAt: number): SegmentView {
  return {
    id, from, card: from === 'client' ? 'DATA' : 'ACK', seq: 1000 + id, ack: 5000 + id, len: from === 'client' ? 10 : 0,
    flags: 'ACK', sentAt, arriveAt: sentAt + LATENCY, status: 'delivered', old: false, why: '',
  };
}

/**
 * A finished round whose segments leave at `sends` (ms after the start), alternately from each
 * side, and whose last state change (TIME-WAIT running out) comes at `closedAt`.
 */
function round(sends: readonly number[], closedAt = 0): PairRoomView {
  return {
    code: 'ABCDE', mode: 'solo', phase: 'between', difficulty: 'flags', speed: 'normal', lossRate: 0, round: 1, rounds: 1,
    classRound: 0, classRounds: 0,
    scenarioId: 'whole-life', roundStatus: 'won', serverTime: 0, roundStartedAt: 0, roundClockStartsAt: 0, roundEndsAt: 60_000, latencyMs: LATENCY, seatKeptSeconds: 30,
    paused: false, players: new Map(), endpoints: new Map(),
    segments: sends.map((at, i) => segment(i + 1, i % 2 === 0 ? 'client' : 'server', at)),
    moves: [], recordId: '', stateLog: [{ at: 0, role: 'client', state: 'ESTABLISHED' }, { at: 0, role: 'server', state: 'ESTABLISHED' },
      { at: closedAt, role: 'client', state: 'CLOSED' }],
  };
}

const ended = (view: PairRoomView): number => Math.max(...view.segments.map((s) => s.arriveAt), ...view.stateLog.map((s) => s.at));

describe('the ladder diagram\'s layout', () => {
  it('keeps the labels of segments sent close together apart, in the order they were sent', () => {
    // A whole connection: handshake, ten segments 300 ms apart, the close, then 2 MSL of nothing.
    // In proportion to time the burst would be 5 px a segment on a phone's result screen.
    const burst = Array.from({ length: 10 }, (_, i) => 8000 + i * 300);
    const view = round([500, 1300, 2100, ...burst, 20_000, 21_000], 30_000);
    const ladder = layoutLadder(view, { width: 340, height: 500, now: ended(view), live: false });
    const middles = ladder.arrows.map((a) => (a.y1 + a.y2) / 2);
    for (let i = 1; i < middles.length; i++) expect(middles[i]! - middles[i - 1]!).toBeGreaterThanOrEqual(13 - 1e-9);
    for (const a of ladder.arrows) {
      expect(a.y2).toBeGreaterThan(a.y1);
      expect(a.y2).toBeLessThanOrEqual(ladder.bottom);
    }
  });

  it('squeezes a round longer than the box into it, order kept', () => {
    const view = round(Array.from({ length: 60 }, (_, i) => 500 + i * 200));
    const ladder = layoutLadder(view, { width: 340, height: 240, now: ended(view), live: false });
    const starts = ladder.arrows.map((a) => a.y1);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThan(starts[i - 1]!);
    expect(Math.max(...ladder.arrows.map((a) => a.y2))).toBeLessThanOrEqual(ladder.bottom + 1e-9);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(ladder.top);
  });

  it('stays in proportion to time where nothing crowds', () => {
    const view = round([1000, 4000]);
    const ladder = layoutLadder(view, { width: 1000, height: 760, now: ended(view), live: false });
    const [first, second] = ladder.arrows;
    // 0.06 px per ms, as a textbook draws it: 3 s apart is 180 px.
    expect(second!.y1 - first!.y1).toBeCloseTo(180, 6);
    expect(first!.y2 - first!.y1).toBeCloseTo(LATENCY * 0.06, 6);
  });
});

describe('a move\'s mark beside the arrows\' labels', () => {
  // On a 390 px phone: a resent DATA's label across the middle, and a missed deadline's mark at the server's line.
  const label = { x: 135, y: 100, width: 100, height: 15 };
  const mark = { x: 186, y: 104, width: 90, height: 16 };

  it('moves down just past a label it would cover, and not at all when it covers none', () => {
    expect(clearOf(mark, [label])).toBe(100 + 15 + 2 - 104);
    expect(clearOf(mark, [{ ...label, y: 140 }])).toBe(0);
    // Beside a label (the other half of the ladder) is not over it.
    expect(clearOf(mark, [{ ...label, x: 20, width: 100 }])).toBe(0);
  });

  it('moves past a second label it meets on the way down, whatever their order', () => {
    const below = { ...label, y: 118 };
    expect(clearOf(mark, [below, label])).toBe(118 + 15 + 2 - 104);
    expect(clearOf(mark, [label, below])).toBe(118 + 15 + 2 - 104);
  });
});

describe('moves\' marks beside each other and the arrows\' heads', () => {
  // A phone's ladder, the server's line at x = 280: a wrong SYN, then a missed deadline a moment
  // later, as the client's resent SYN arrives at y = 300.
  const wrongSyn = { x: 220, y: 290, width: 56, height: 16 };
  const tooSlow = { x: 180, y: 296, width: 96, height: 16 };
  const resent: Arrow = {
    segment: { id: 2, from: 'client', card: 'SYN', seq: 7966, ack: 0, len: 0, flags: 'S', sentAt: 0, arriveAt: 1000, status: 'discarded', old: false, why: '' },
    x1: 90, y1: 240, x2: 280, y2: 300, drawn: 1, label: 'SYN 7966',
  };

  it('an arrow\'s head is kept clear where it has got to', () => {
    const head = arrowHeadBox(resent);
    expect(head.x + head.width / 2).toBe(280);
    expect(head.y + head.height / 2).toBe(300);
    expect(arrowHeadBox({ ...resent, drawn: 0.5 })).toMatchObject({ x: 185 - head.width / 2, y: 270 - head.height / 2 });
  });

  it('places each mark below the head it would cover and below the marks before it', () => {
    const head = arrowHeadBox(resent);
    const [first, second] = placeMarks([wrongSyn, tooSlow], [head]);
    const firstTop = wrongSyn.y + first!;
    expect(firstTop).toBe(head.y + head.height + 2);
    expect(tooSlow.y + second!).toBe(firstTop + wrongSyn.height + 2);
  });

  it('leaves marks where they are when nothing is in their way', () => {
    expect(placeMarks([wrongSyn, { ...tooSlow, y: 400 }], [])).toEqual([0, 0]);
  });
});
