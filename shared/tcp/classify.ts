import type { Tcb } from './endpoint.ts';
import type { ReceiveEvent } from './events.ts';
import { has, segLen, type Segment } from './segment.ts';
import { reassemble, trimFront } from './reassembly.ts';
import { ackAcceptable, segmentAcceptable, seqAdd, seqLe, seqLt } from './sequence.ts';

/**
 * Names what an arriving segment is to this endpoint, following the order of checks of
 * RFC 9293 §3.10.7 (SEGMENT ARRIVES). The transition table then says what that means.
 */
export function classifyArrival(tcb: Tcb, seg: Segment): ReceiveEvent {
  switch (tcb.state) {
    case 'CLOSED':
      return has(seg, 'RST') ? 'rcvRst' : 'rcvOther';
    case 'LISTEN':
      // §3.10.7.2: an RST is ignored, any ACK is bad, only a SYN opens.
      if (has(seg, 'RST')) return 'rcvRst';
      if (has(seg, 'ACK')) return 'rcvBadAck';
      return has(seg, 'SYN') ? 'rcvSyn' : 'rcvOther';
    case 'SYN-SENT':
      return classifySynSent(tcb, seg);
    default:
      return classifySynchronized(tcb, seg);
  }
}

/** §3.10.7.3: the ACK is checked first, then RST, then SYN. */
function classifySynSent(tcb: Tcb, seg: Segment): ReceiveEvent {
  const ackOk = has(seg, 'ACK') && seqLt(tcb.iss, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
  if (has(seg, 'ACK') && !ackOk) return has(seg, 'RST') ? 'rcvOther' : 'rcvBadAck';
  // RFC 5961 via §3.10.7.3: an RST counts only if it acknowledges our SYN.
  if (has(seg, 'RST')) return ackOk ? 'rcvRst' : 'rcvOther';
  if (has(seg, 'SYN')) return ackOk ? 'rcvSynAck' : 'rcvSyn';
  return 'rcvOther';
}

/** §3.10.7.4: SYN-RECEIVED and every synchronized state. */
function classifySynchronized(tcb: Tcb, seg: Segment): ReceiveEvent {
  const rst = has(seg, 'RST');
  // The peer's FIN again, because our ACK of it was lost: the lesson of TIME-WAIT.
  if (tcb.state === 'TIME-WAIT' && has(seg, 'FIN') && !rst && seqAdd(seg.seq, seg.len + 1) === tcb.rcvNxt) {
    return 'rcvFin';
  }
  // RFC 9293 Figure 7: in a simultaneous open the peer's SYN,ACK repeats the SYN we already took.
  if (
    tcb.state === 'SYN-RECEIVED' && has(seg, 'SYN') && has(seg, 'ACK') && !rst &&
    seg.seq === tcb.irs && ackAcceptable(tcb.sndUna, seg.ack, tcb.sndNxt)
  ) {
    return 'rcvSynAck';
  }
  if (tcb.state === 'SYN-RECEIVED' && has(seg, 'SYN') && !has(seg, 'ACK') && !rst && seg.seq === tcb.irs) return 'rcvSynAgain';
  if (!segmentAcceptable(tcb.rcvNxt, tcb.rcvWnd, seg.seq, segLen(seg))) return rst ? 'rcvOther' : 'rcvOld';
  if (rst) return seg.seq === tcb.rcvNxt ? 'rcvRst' : 'rcvRstChallenge'; // RFC 5961 §3.2
  if (has(seg, 'SYN')) return 'rcvSyn';
  if (!has(seg, 'ACK')) return 'rcvOther';
  if (tcb.state === 'SYN-RECEIVED') {
    if (!ackAcceptable(tcb.sndUna, seg.ack, tcb.sndNxt)) return 'rcvBadAck';
  } else if (seqLt(tcb.sndNxt, seg.ack)) {
    return 'rcvBadAck';
  }
  const newlyAcksFin = tcb.finSeq !== null && seqLe(tcb.sndUna, tcb.finSeq) && seqLt(tcb.finSeq, seg.ack);
  const text = seg.len > 0 || has(seg, 'FIN');
  const trimmed = trimFront(seg, tcb.rcvNxt);
  // The ACK is processed before the text (fifth check, then seventh): an early segment may still ack our FIN.
  if (text && seqLt(tcb.rcvNxt, trimmed.seq)) return newlyAcksFin ? 'rcvAckOfFin' : 'rcvEarly';
  const run = reassemble(tcb.rcvNxt, tcb.held, text ? trimmed : null);
  if (run.fin) return newlyAcksFin ? 'rcvFinAckOfFin' : 'rcvFin';
  if (newlyAcksFin) return 'rcvAckOfFin';
  return run.rcvNxt !== tcb.rcvNxt ? 'rcvData' : 'rcvAck';
}
