import { classifyArrival } from './classify.ts';
import type { CallEvent, ReceiveEvent, SendEvent } from './events.ts';
import { flagsText, has, segLen, type Flag, type Segment } from './segment.ts';
import { hold, reassemble, trimFront } from './reassembly.ts';
import { seqAdd, seqDiff, seqLe, seqLt, ackAcceptable } from './sequence.ts';
import { SYNCHRONIZED_STATES, type TcpState } from './states.ts';
import { lookup, type Allowed, type Refused, type Reply } from './table.ts';

/** The transmission control block of one endpoint (RFC 9293 §3.3.1), reduced to what the game needs. */
export interface Tcb {
  readonly state: TcpState;
  readonly iss: number;
  readonly irs: number;
  readonly sndUna: number;
  readonly sndNxt: number;
  readonly rcvNxt: number;
  readonly rcvWnd: number;
  /** Reached SYN-RECEIVED from LISTEN; an RST there returns to LISTEN (§3.10.7.4). */
  readonly passive: boolean;
  /** Sequence number of our FIN once it has been sent. */
  readonly finSeq: number | null;
  /** Bytes of data our FIN segment carried: a resent FIN carries them again. */
  readonly finLen: number;
  /** Arrived text (and FIN) beyond RCV.NXT, held until the gap before it fills (SHLD-31). */
  readonly held: readonly Segment[];
  /** The last segment that arrived: an RST from an unsynchronized state answers it. */
  readonly lastReceived: Segment | null;
  /** The ISS the next connection attempt will use. */
  readonly nextIss: number;
}

/** Default receive window: larger than anything a round sends, so flow control never blocks. */
export const DEFAULT_RCV_WND = 65535;

/** A CLOSED endpoint whose next connection will start at `iss`. */
export function newEndpoint(iss: number, rcvWnd = DEFAULT_RCV_WND): Tcb {
  return {
    state: 'CLOSED', iss, irs: 0, sndUna: iss, sndNxt: iss, rcvNxt: 0, rcvWnd,
    passive: false, finSeq: null, finLen: 0, held: [], lastReceived: null, nextIss: iss,
  };
}

/** Two endpoints already ESTABLISHED with each other, for scenarios that start mid-connection. */
export function establishedPair(issA: number, issB: number): [Tcb, Tcb] {
  const side = (iss: number, irs: number, passive: boolean): Tcb => ({
    ...newEndpoint(iss), state: 'ESTABLISHED', iss, irs, passive,
    sndUna: seqAdd(iss, 1), sndNxt: seqAdd(iss, 1), rcvNxt: seqAdd(irs, 1),
  });
  return [side(issA, issB, false), side(issB, issA, true)];
}

export type Result<T> = ({ readonly ok: true } & T) | Refused;

/** Moves to `next`, resetting the connection variables when the connection ends. */
function enter(tcb: Tcb, next: TcpState): Tcb {
  if (next !== 'CLOSED' && next !== 'LISTEN') return { ...tcb, state: next };
  // A new incarnation must not reuse the old numbers (RFC 9293 §3.4.1): move the ISS on.
  const nextIss = tcb.state === 'CLOSED' || tcb.state === 'LISTEN' ? tcb.nextIss : seqAdd(tcb.sndNxt, 64000);
  return { ...newEndpoint(nextIss, tcb.rcvWnd), state: next };
}

/** An application call or timer: `listen`, `close` (LISTEN or SYN-SENT), `timeout2msl`. */
export function call(tcb: Tcb, event: CallEvent): Result<{ tcb: Tcb; outcome: Allowed }> {
  const outcome = lookup(tcb.state, event, tcb.passive);
  if (!outcome.ok) return outcome;
  return { ok: true, tcb: enter(tcb, outcome.next), outcome };
}

/** Numbers a sender may set explicitly; anything left out is filled in correctly. */
export interface SendOptions {
  readonly seq?: number;
  readonly ack?: number;
  readonly len?: number;
  /** Send an RST with the ACK bit (the answer to a segment that had no ACK). */
  readonly rstWithAck?: boolean;
}

/** Which send a list of flags is, or null when no correct endpoint sends that combination. */
export function sendEventFor(flags: readonly Flag[], len: number, state: TcpState): SendEvent | null {
  const key = flagsText(flags);
  const synchronized = SYNCHRONIZED_STATES.has(state) || state === 'SYN-RECEIVED';
  switch (key) {
    // Data may ride on a SYN (RFC 9293 §3.10.7.3); the receiver queues it until ESTABLISHED.
    case 'SYN': return 'sendSyn';
    case 'SYN,ACK': return len === 0 ? 'sendSynAck' : null;
    case 'ACK': return len > 0 ? 'sendData' : 'sendAck';
    // Every segment after the SYN exchange carries ACK (RFC 9293 §3.10.7.4), a FIN included.
    case 'ACK,FIN': return 'sendFin';
    case 'FIN': return synchronized ? null : 'sendFin';
    case 'RST': case 'ACK,RST': return len === 0 ? 'sendRst' : null;
    default: return null;
  }
}

/** The segment a correct endpoint would put on the wire for `event`, before any override. */
export function correctSegment(tcb: Tcb, event: SendEvent, len = 0, rstWithAck = false): Segment {
  const ackFlag: Flag[] = ['ACK'];
  switch (event) {
    case 'sendSyn':
      // A resent SYN carries its data again: in SYN-SENT everything past the SYN was on it.
      if (tcb.state === 'SYN-SENT') return { seq: tcb.iss, ack: 0, flags: ['SYN'], len: synDataLen(tcb) };
      return { seq: tcb.nextIss, ack: 0, flags: ['SYN'], len };
    case 'sendSynAck':
      return { seq: tcb.iss, ack: tcb.rcvNxt, flags: ['SYN', 'ACK'], len: 0 };
    case 'sendAck':
      return { seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: ackFlag, len: 0 };
    case 'sendData':
      return { seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: ackFlag, len };
    case 'sendFin':
      // A FIN that carried data is resent whole, data included (§3.10.8).
      if (tcb.finSeq !== null) return { seq: seqAdd(tcb.finSeq, -tcb.finLen), ack: tcb.rcvNxt, flags: ['FIN', 'ACK'], len: tcb.finLen };
      return { seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: ['FIN', 'ACK'], len };
    case 'sendRst':
      return resetFor(tcb, rstWithAck);
  }
}

/** RFC 9293 §3.10.7.1–3: an RST takes its sequence number from the ACK of the segment it answers. */
function resetFor(tcb: Tcb, withAck: boolean): Segment {
  if (SYNCHRONIZED_STATES.has(tcb.state)) {
    return { seq: tcb.sndNxt, ack: tcb.rcvNxt, flags: withAck ? ['RST', 'ACK'] : ['RST'], len: 0 };
  }
  const last = tcb.lastReceived;
  const seq = last && has(last, 'ACK') ? last.ack : 0;
  if (!withAck) return { seq, ack: 0, flags: ['RST'], len: 0 };
  return { seq, ack: last ? seqAdd(last.seq, segLen(last)) : 0, flags: ['RST', 'ACK'], len: 0 };
}

/** The endpoint sends `event`; explicit numbers go on the wire as given. */
export function send(tcb: Tcb, event: SendEvent, opts: SendOptions = {}): Result<{ tcb: Tcb; segment: Segment; outcome: Allowed }> {
  const outcome = lookup(tcb.state, event, tcb.passive);
  if (!outcome.ok) return outcome;
  const len = opts.len ?? 0;
  if (len > 0 && !carriesData(tcb, event, len)) return { ok: false, why: 'refuse.noDataHere' };
  const correct = correctSegment(tcb, event, len, opts.rstWithAck ?? (opts.ack !== undefined && event === 'sendRst'));
  const segment: Segment = { ...correct, seq: opts.seq ?? correct.seq, ack: opts.ack ?? correct.ack };
  // After a FIN only data sent before it may go again (§3.10.8); new data is barred (§3.10.4).
  if (event === 'sendData' && outcome.retransmit && !(tcb.finSeq !== null && seqLe(seqAdd(segment.seq, segment.len), seqAdd(tcb.finSeq, -tcb.finLen)))) {
    return { ok: false, why: 'refuse.noDataAfterFin' };
  }
  return { ok: true, tcb: afterSend(tcb, event, segment, outcome), segment, outcome };
}

/** Whether `event` may carry `len` bytes: DATA, a first SYN, a first FIN, or a FIN resent with its own data. */
function carriesData(tcb: Tcb, event: SendEvent, len: number): boolean {
  if (event === 'sendData') return true;
  if (event === 'sendSyn') return tcb.state !== 'SYN-SENT' || len === synDataLen(tcb);
  return event === 'sendFin' && (tcb.finSeq === null || len === tcb.finLen);
}

/** Bytes of data that rode on our SYN (SYN-SENT sends nothing else). */
function synDataLen(tcb: Tcb): number {
  return seqDiff(seqAdd(tcb.iss, 1), tcb.sndNxt);
}

function afterSend(tcb: Tcb, event: SendEvent, seg: Segment, outcome: Allowed): Tcb {
  if (event === 'sendSyn' && tcb.state !== 'SYN-SENT') {
    // A SYN from CLOSED or LISTEN starts a new connection with the ISS it carries.
    const iss = seg.seq;
    return { ...tcb, state: outcome.next, iss, sndUna: iss, sndNxt: seqAdd(iss, segLen(seg)), nextIss: iss, passive: false };
  }
  if (event === 'sendRst' && outcome.next === 'CLOSED') return enter(tcb, 'CLOSED');
  let next: Tcb = { ...tcb, state: outcome.next };
  // Only a segment that starts at SND.NXT is new; anything before it is a retransmission.
  const isNew = !outcome.retransmit && seg.seq === tcb.sndNxt;
  if (isNew && (event === 'sendData' || event === 'sendFin')) {
    next = { ...next, sndNxt: seqAdd(tcb.sndNxt, segLen(seg)) };
    if (event === 'sendFin') next = { ...next, finSeq: seqAdd(seg.seq, seg.len), finLen: seg.len };
  }
  return next;
}

/** What an arrival did: the classified event, whether it was processed, and what is owed. */
export interface Arrival {
  readonly tcb: Tcb;
  readonly event: ReceiveEvent;
  readonly outcome: Allowed;
  readonly accepted: boolean;
  readonly reply: Reply | null;
}

/** Processes an arriving segment as RFC 9293 §3.10.7 says. */
export function receive(tcb: Tcb, seg: Segment): Arrival {
  const event = classifyArrival(tcb, seg);
  const outcome = lookup(tcb.state, event, tcb.passive);
  // Every receive event has an allowed outcome; the table guarantees it (see its test).
  if (!outcome.ok) throw new Error(`table refuses ${event} in ${tcb.state}`);
  const seen = { ...tcb, lastReceived: seg };
  if (outcome.discard) {
    // A discarded segment changes nothing but the memory of it, which an RST may need to answer.
    const tcb2 = outcome.next === tcb.state ? seen : enter(seen, outcome.next);
    return { tcb: tcb2, event, outcome, accepted: false, reply: outcome.reply ?? null };
  }
  const after = absorb(seen, seg, event, outcome.next);
  // Text is always acknowledged, even when the event is named for something else it carries,
  // and so is queued text that this arrival let in (data that came on a SYN).
  const tookText = seg.len > 0 || after.held.length > tcb.held.length || (tcb.state === 'SYN-RECEIVED' && after.rcvNxt !== tcb.rcvNxt);
  const reply = outcome.reply ?? (tookText ? 'ACK' : null);
  return { tcb: after, event, outcome, accepted: true, reply };
}

/** Updates the numbers for an accepted arrival, then enters the next state. */
function absorb(tcb: Tcb, seg: Segment, event: ReceiveEvent, next: TcpState): Tcb {
  if (next === 'CLOSED' || (next === 'LISTEN' && tcb.state !== 'LISTEN')) return enter(tcb, next);
  // Text (and a FIN) on a SYN starts after it; §3.10.7.2–3 queue it until the connection is established.
  const onSyn = trimFront(seg, seqAdd(seg.seq, 1));
  const synText = onSyn.len > 0 || has(onSyn, 'FIN') ? [onSyn] : [];
  if (tcb.state === 'LISTEN') {
    // §3.10.7.2: the SYN fixes IRS; our SYN,ACK will use the ISS chosen now.
    const iss = tcb.nextIss;
    return {
      ...tcb, state: next, irs: seg.seq, rcvNxt: seqAdd(seg.seq, 1), iss,
      sndUna: iss, sndNxt: seqAdd(iss, 1), passive: true, held: synText,
    };
  }
  if (tcb.state === 'SYN-SENT') {
    const acked = has(seg, 'ACK') ? seg.ack : tcb.sndUna;
    const base = { ...tcb, state: next, irs: seg.seq, rcvNxt: seqAdd(seg.seq, 1), sndUna: acked };
    if (next !== 'ESTABLISHED') return { ...base, held: synText };
    const run = reassemble(base.rcvNxt, [], synText[0] ?? null);
    return { ...base, rcvNxt: run.rcvNxt };
  }
  let out: Tcb = tcb;
  if (has(seg, 'ACK') && ackAcceptable(tcb.sndUna, seg.ack, tcb.sndNxt)) out = { ...out, sndUna: seg.ack };
  // A SYN,ACK repeating a SYN already taken, or a FIN again in TIME-WAIT, brings nothing new.
  if (event === 'rcvSynAck' || tcb.state === 'TIME-WAIT') return { ...out, state: next };
  const text = seg.len > 0 || has(seg, 'FIN');
  const trimmed = trimFront(seg, out.rcvNxt);
  if (text && seqLt(out.rcvNxt, trimmed.seq)) return { ...out, state: next, held: hold(out.held, trimmed) };
  const run = reassemble(out.rcvNxt, out.held, text ? trimmed : null);
  return { ...out, state: next, rcvNxt: run.rcvNxt, held: run.held };
}

/** True once our FIN (if any) has been acknowledged. */
export function finAcked(tcb: Tcb): boolean {
  return tcb.finSeq !== null && seqLt(tcb.finSeq, tcb.sndUna);
}

/** True while something we sent that occupies sequence space is unacknowledged. */
export function hasUnacked(tcb: Tcb): boolean {
  return seqLt(tcb.sndUna, tcb.sndNxt);
}
