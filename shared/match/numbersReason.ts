import type { MessageKey } from '../i18n/messages.ts';
import type { Tcb } from '../tcp/endpoint.ts';
import { has, segLen, type Segment } from '../tcp/segment.ts';
import { seqAdd } from '../tcp/sequence.ts';
import { SYNCHRONIZED_STATES } from '../tcp/states.ts';
import { DATA_LEN, type Card } from './cards.ts';

/*
 * The arithmetic behind a number the Numbers difficulty asks for, so that a wrong one is
 * explained by the sum that gives the right one: "ack = 5473 + 1: a SYN takes one sequence
 * number" (RFC 9293 §3.4: SYN and FIN take one number each, data one per byte, a bare ACK none).
 * Params: `expected` (the right number), `from` and `len` (the sum's two terms), `given` (what was
 * played, when there was one).
 */

/** The explanation of a wrong number: its text key and the numbers that fill it. */
export interface NumbersReason {
  readonly why: MessageKey;
  readonly params: Readonly<Record<string, number>>;
}

type SumKind = 'Syn' | 'Fin' | 'Data' | 'Ack';

/** What kind of segment `seg` is, for the sum; null when its length has no single reason. */
function kindOf(seg: Segment): SumKind | null {
  if (has(seg, 'SYN')) return seg.len === 0 ? 'Syn' : null;
  if (has(seg, 'FIN')) return seg.len === 0 ? 'Fin' : null;
  return seg.len > 0 ? 'Data' : 'Ack';
}

const given = (n: number | undefined): Record<string, number> => (n === undefined ? {} : { given: n });

/** Why the acknowledgment number must be `correct.ack`: the last segment received plus its length. */
export function ackReason(tcb: Tcb, correct: Segment, played?: number): NumbersReason {
  const expected = correct.ack;
  const last = tcb.lastReceived;
  if (last && seqAdd(last.seq, segLen(last)) === expected) {
    const kind = kindOf(last);
    if (kind) return { why: `mistake.ackAfter${kind}`, params: { expected, from: last.seq, len: segLen(last), ...given(played) } };
  }
  // A round that starts ESTABLISHED has received nothing yet: the peer's SYN came before it.
  if (!last && expected === seqAdd(tcb.irs, 1)) {
    return { why: 'mistake.ackAfterSyn', params: { expected, from: tcb.irs, len: 1, ...given(played) } };
  }
  // Text out of order: the ACK names the first missing byte, before an early segment and after a gap fills.
  if (SYNCHRONIZED_STATES.has(tcb.state) && expected === tcb.rcvNxt) return { why: 'mistake.ackInOrder', params: { expected, ...given(played) } };
  return { why: 'mistake.wrongAck', params: { expected, ...given(played) } };
}

/** Why the sequence number must be `correct.seq`: the ISN, a resend, or the last send plus its length. */
export function seqReason(tcb: Tcb, card: Card, correct: Segment, played?: number): NumbersReason {
  const expected = correct.seq;
  const extra = given(played);
  if (card === 'SYN' || card === 'SYN+ACK') return { why: 'mistake.seqIsIss', params: { expected, ...extra } };
  // §3.10.7.1–3: an RST outside a connection takes its number from the segment it answers.
  if (card === 'RST' && !SYNCHRONIZED_STATES.has(tcb.state)) return { why: 'mistake.seqOfRst', params: { expected, ...extra } };
  if (expected !== tcb.sndNxt) return { why: 'mistake.seqResent', params: { expected, ...extra } };
  // SND.NXT is where the last segment that took numbers ended: our FIN, our data, or our SYN.
  const sum = (kind: Exclude<SumKind, 'Ack'>, len: number): NumbersReason =>
    ({ why: `mistake.seqAfter${kind}`, params: { expected, from: seqAdd(expected, -len), len, ...extra } });
  if (tcb.finSeq !== null && seqAdd(tcb.finSeq, 1) === expected) return sum('Fin', 1);
  const sent = seqAdd(expected, -seqAdd(tcb.iss, 1));
  if (sent === 0) return sum('Syn', 1);
  // Every DATA card carries DATA_LEN bytes, so the last one started DATA_LEN before SND.NXT.
  if (sent % DATA_LEN === 0) return sum('Data', DATA_LEN);
  return { why: 'mistake.wrongSeq', params: { expected, ...extra } };
}
