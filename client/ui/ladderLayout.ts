import type { Role } from '../../shared/match/cards.ts';
import type { PairRoomView, SegmentView } from '../../shared/protocol.ts';
import { carriesAck, compactNumbers } from './segmentNumbers.ts';

/** Where things go in a ladder diagram of `width` × `height` CSS px; pure, so it is cheap to test. */
export interface LadderBox {
  width: number;
  height: number;
  /** Room clock now; a finished round passes the time of its last event. */
  now: number;
  /** Live ladders grow in steps, so labels are not moved on every frame. */
  live: boolean;
}

export interface Arrow {
  segment: SegmentView;
  x1: number; y1: number;
  x2: number; y2: number;
  /** How far along the segment has got (1 = arrived); lost ones stop at 0.5. */
  drawn: number;
  label: string;
}

/** Between a lifeline and the name of the state it enters. */
export const STATE_GAP = 6;

export interface StateMark { role: Role; state: string; x: number; y: number; align: 'left' | 'right' }

export interface LadderGeometry {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** y of a room time. */
  y: (t: number) => number;
  /** The part of the layout that moves labels; when it is unchanged, the texts can stay. */
  key: string;
  arrows: Arrow[];
  states: StateMark[];
}

const HEADER = 26;
const LINE = 13; // smallest vertical gap between two state labels on one side
/** Smallest vertical gap between two moments something happens, so labels of nearby segments do not overlap. */
const EVENT_GAP = 13;

function label(segment: SegmentView, compact: boolean): string {
  if (compact) return `${segment.card} ${compactNumbers(segment)}`;
  return `${segment.card} seq=${segment.seq}${carriesAck(segment) ? ` ack=${segment.ack}` : ''}${segment.len > 0 ? ` len=${segment.len}` : ''}`;
}

function lastEventAt(view: PairRoomView): number {
  let last = view.roundStartedAt;
  for (const s of view.segments) last = Math.max(last, s.sentAt, s.arriveAt);
  for (const s of view.stateLog) last = Math.max(last, s.at);
  for (const m of view.moves) last = Math.max(last, m.at);
  return last;
}

/** The moments that carry a label: segments sent and arriving, state changes, judged moves. */
function eventTimes(view: PairRoomView): number[] {
  const times: number[] = [];
  for (const s of view.segments) times.push(s.sentAt, s.arriveAt >= 0 ? s.arriveAt : s.sentAt + view.latencyMs);
  for (const s of view.stateLog) times.push(s.at);
  for (const m of view.moves) times.push(m.at);
  return times;
}

/**
 * The time axis, from `start` at `top` down to `start + span` at `bottom`: proportional to time
 * at `scale` px/ms, except that two moments with something to show are at least EVENT_GAP
 * apart (a DATA and its ACK a few hundred ms apart on a phone). When that makes the ladder
 * too long, the empty stretches (a TIME-WAIT) shrink first. Order is kept, so arrows that
 * cross still cross.
 */
function timeAxis(events: readonly number[], start: number, span: number, top: number, bottom: number, scale: number): (t: number) => number {
  const end = start + span;
  const knots = [...new Set([start, ...events.filter((t) => t > start && t < end), end])].sort((a, b) => a - b);
  const natural = knots.map((t, i) => (i === 0 ? 0 : (t - knots[i - 1]!) * scale));
  const floor = knots.map((_, i) => (i === 0 || i === knots.length - 1 ? 0 : EVENT_GAP));
  const room = bottom - top;
  const length = (f: number): number => natural.reduce((sum, n, i) => sum + Math.max(floor[i]!, n * f), 0);
  // The largest share of the natural gaps that still fits (by bisection: the length grows with it).
  let share = 1;
  if (length(1) > room) {
    let fits = 0;
    let over = 1;
    for (let i = 0; i < 30; i++) {
      const mid = (fits + over) / 2;
      if (length(mid) > room) over = mid;
      else fits = mid;
    }
    share = fits;
  }
  const floors = length(0);
  const gaps = natural.map((n, i) => (floors > room ? floor[i]! * (room / floors) : Math.max(floor[i]!, n * share)));
  const ys: number[] = [];
  gaps.forEach((gap, i) => ys.push(i === 0 ? top : ys[i - 1]! + gap));
  const tail = share * scale;
  return (t: number): number => {
    if (t <= start) return top;
    if (t >= end) return ys[ys.length - 1]! + (t - end) * tail;
    let hi = 1;
    while (knots[hi]! < t) hi++;
    const lo = hi - 1;
    return ys[lo]! + ((t - knots[lo]!) / (knots[hi]! - knots[lo]!)) * (ys[hi]! - ys[lo]!);
  };
}

export function layoutLadder(view: PairRoomView, box: LadderBox): LadderGeometry {
  const margin = Math.min(110, Math.max(88, box.width * 0.22));
  const left = margin;
  const right = box.width - margin;
  const top = HEADER + 8;
  const bottom = box.height - 8;
  // Time runs down from the round's clock start; the get-ready step before it has nothing to draw.
  const start = Math.max(view.roundStartedAt, view.roundClockStartsAt);
  const end = Math.max(box.now, lastEventAt(view));
  const span = box.live ? Math.ceil((end - start + 1500) / 5000) * 5000 : Math.max(1000, end - start + 400);
  // Arrows look like a textbook's at up to 0.06 px/ms; longer rounds are squeezed to fit.
  const scale = Math.min(0.06, (bottom - top) / span);
  const y = timeAxis(eventTimes(view), start, span, top, bottom, scale);
  const compact = right - left < 230;

  const arrows = view.segments.map((segment): Arrow => {
    const fromX = segment.from === 'client' ? left : right;
    const toX = segment.from === 'client' ? right : left;
    const arriveAt = segment.arriveAt >= 0 ? segment.arriveAt : segment.sentAt + view.latencyMs;
    const travel = Math.max(1, arriveAt - segment.sentAt);
    let drawn = Math.min(1, Math.max(0, (box.now - segment.sentAt) / travel));
    if (segment.status === 'delivered' || segment.status === 'discarded') drawn = 1;
    if (segment.status === 'lost') drawn = Math.min(drawn, 0.5);
    if (segment.arriveAt < 0) drawn = Math.min(drawn, 0.35);
    return { segment, x1: fromX, y1: y(segment.sentAt), x2: toX, y2: y(arriveAt), drawn, label: label(segment, compact) };
  });

  const states: StateMark[] = [];
  const lastY: Record<Role, number> = { client: -Infinity, server: -Infinity };
  for (const entry of [...view.stateLog].sort((a, b) => a.at - b.at)) {
    const at = Math.max(y(entry.at), lastY[entry.role] + LINE);
    lastY[entry.role] = at;
    const client = entry.role === 'client';
    states.push({ role: entry.role, state: entry.state, x: client ? left - STATE_GAP : right + STATE_GAP, y: at, align: client ? 'right' : 'left' });
  }

  const key = [box.width, box.height, span, compact, view.segments.map((s) => `${s.id}:${s.status}:${s.arriveAt}`).join(','),
    view.stateLog.length, view.moves.length].join('|');
  return { left, right, top, bottom, y, key, arrows, states };
}

/** A text's box in the ladder's own px, from its top-left corner. */
export interface LadderBoxRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How far down a move's mark must go to clear the arrow labels it would cover (0 when none): a
 * missed deadline's "✗ ◷ Too slow" once sat on a resent DATA's label on a phone, both unreadable.
 * Down, past each label it meets in turn, so the mark stays just after its moment.
 */
export function clearOf(mark: LadderBoxRect, labels: readonly LadderBoxRect[], gap = 2): number {
  let dy = 0;
  for (let moved = true; moved;) {
    moved = false;
    for (const l of labels) {
      const top = mark.y + dy;
      const meets = mark.x < l.x + l.width && l.x < mark.x + mark.width && top < l.y + l.height && l.y < top + mark.height;
      if (meets) {
        dy = l.y + l.height + gap - mark.y;
        moved = true;
      }
    }
  }
  return dy;
}

/** Half the size of the box kept clear around an arrow's head (the head is 11 px long). */
const HEAD_CLEAR = { x: 12, y: 8 };

/** The box around the head of an arrow that has reached the other side (or its ✗, for a lost one). */
export function arrowHeadBox(arrow: Arrow): LadderBoxRect {
  const x = arrow.x1 + (arrow.x2 - arrow.x1) * arrow.drawn;
  const y = arrow.y1 + (arrow.y2 - arrow.y1) * arrow.drawn;
  return { x: x - HEAD_CLEAR.x, y: y - HEAD_CLEAR.y, width: 2 * HEAD_CLEAR.x, height: 2 * HEAD_CLEAR.y };
}

/**
 * How far down each move's mark goes, in order: clear of `obstacles` (arrow labels and heads) and
 * of the marks placed before it. A wrong card and a missed deadline a moment apart once drew
 * "✗ SYN" and "✗ ◷ Too slow" over each other and over the head of the SYN arriving then.
 */
export function placeMarks(marks: readonly LadderBoxRect[], obstacles: readonly LadderBoxRect[]): number[] {
  const taken = [...obstacles];
  return marks.map((mark) => {
    const dy = clearOf(mark, taken);
    taken.push({ ...mark, y: mark.y + dy });
    return dy;
  });
}
