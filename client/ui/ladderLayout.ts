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

export function layoutLadder(view: PairRoomView, box: LadderBox): LadderGeometry {
  const margin = Math.min(110, Math.max(88, box.width * 0.22));
  const left = margin;
  const right = box.width - margin;
  const top = HEADER + 8;
  const bottom = box.height - 8;
  const start = view.roundStartedAt;
  const end = Math.max(box.now, lastEventAt(view));
  const span = box.live ? Math.ceil((end - start + 1500) / 5000) * 5000 : Math.max(1000, end - start + 400);
  // Arrows look like a textbook's at up to 0.06 px/ms; longer rounds are squeezed to fit.
  const scale = Math.min(0.06, (bottom - top) / span);
  const y = (t: number): number => top + Math.max(0, t - start) * scale;
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
    states.push({ role: entry.role, state: entry.state, x: client ? left - 6 : right + 6, y: at, align: client ? 'right' : 'left' });
  }

  const key = [box.width, box.height, span, compact, view.segments.map((s) => `${s.id}:${s.status}:${s.arriveAt}`).join(','),
    view.stateLog.length, view.moves.length].join('|');
  return { left, right, top, bottom, y, key, arrows, states };
}
