/**
 * Text that arrives out of order (RFC 9293 §3.10.7.4, first check, and SHLD-31): a segment is
 * trimmed to start at RCV.NXT, a segment beyond RCV.NXT is held, and held segments are taken
 * in order once the gap before them fills; a FIN counts only when everything before it is in.
 */
import { has, type Segment } from './segment.ts';
import { seqAdd, seqDiff, seqLe, seqLt } from './sequence.ts';

/** The part of `seg` from `rcvNxt` on: bytes already received (and a SYN already taken) cut off the front. */
export function trimFront(seg: Segment, rcvNxt: number): Segment {
  const old = seqDiff(seg.seq, rcvNxt);
  if (old <= 0) return seg;
  const syn = has(seg, 'SYN') ? 1 : 0;
  const cut = Math.min(seg.len, Math.max(0, old - syn));
  // A FIN that lies before RCV.NXT has been taken already.
  const finOld = has(seg, 'FIN') && old > syn + seg.len;
  // The same flags when none is cut off (a repeated ACK or data), rather than a copy per arrival.
  const flags = syn === 1 || finOld ? seg.flags.filter((f) => f !== 'SYN' && !(f === 'FIN' && finOld)) : seg.flags;
  return { ...seg, seq: rcvNxt, len: seg.len - cut, flags };
}

/** What the receiver holds after taking every segment that is now in order. */
export interface Reassembled {
  readonly rcvNxt: number;
  /** A FIN was reached: everything before it has arrived. */
  readonly fin: boolean;
  /** Segments still beyond RCV.NXT, in sequence order. */
  readonly held: readonly Segment[];
}

const end = (s: Segment): number => seqAdd(s.seq, s.len);

/**
 * Nothing held: one list for every arrival that leaves nothing waiting, rather than one each
 * (the engine keeps the TCBs it makes). Typed readonly, not frozen: expect.ts says why.
 */
const NOTHING_HELD: readonly Segment[] = [];

/** Takes `seg` (already trimmed, or null) and the held segments in order from `rcvNxt`. */
export function reassemble(rcvNxt: number, held: readonly Segment[], seg: Segment | null): Reassembled {
  // Nearly every arrival: nothing held and the segment in order, so no list to sort through.
  if (held.length === 0 && (!seg || (seg.len === 0 && !has(seg, 'FIN')) || seqLe(seg.seq, rcvNxt))) return takeInOrder(rcvNxt, seg);
  let next = rcvNxt;
  let fin = false;
  let pending = seg && (seg.len > 0 || has(seg, 'FIN')) ? [...held, seg] : [...held];
  for (let taken = true; taken && !fin; ) {
    taken = false;
    for (const s of pending) {
      if (!seqLe(s.seq, next)) continue;
      if (seqLt(next, end(s))) next = end(s);
      if (has(s, 'FIN') && end(s) === next) {
        next = seqAdd(next, 1);
        fin = true;
      }
      pending = pending.filter((p) => p !== s);
      taken = true;
      break;
    }
  }
  // Whatever now lies wholly before RCV.NXT is a duplicate of what was taken.
  const rest = pending.filter((p) => seqLt(next, end(p)) || (has(p, 'FIN') && !fin && seqLe(next, end(p))));
  return { rcvNxt: next, fin, held: fin ? [] : hold(rest, null) };
}

/** `reassemble` with nothing held and `seg`, if it carries text or a FIN, starting at or before `rcvNxt`. */
function takeInOrder(rcvNxt: number, seg: Segment | null): Reassembled {
  if (!seg || (seg.len === 0 && !has(seg, 'FIN'))) return { rcvNxt, fin: false, held: NOTHING_HELD };
  const next = seqLt(rcvNxt, end(seg)) ? end(seg) : rcvNxt;
  if (has(seg, 'FIN') && end(seg) === next) return { rcvNxt: seqAdd(next, 1), fin: true, held: NOTHING_HELD };
  return { rcvNxt: next, fin: false, held: NOTHING_HELD };
}

/** Adds `seg` to the held segments, once, in sequence order. */
export function hold(held: readonly Segment[], seg: Segment | null): Segment[] {
  const all = seg && !held.some((h) => h.seq === seg.seq && h.len >= seg.len) ? [...held.filter((h) => h.seq !== seg.seq), seg] : [...held];
  return all.sort((a, b) => seqDiff(b.seq, a.seq));
}
