import type { MessageKey } from '../i18n/messages.ts';
import { TCP_EVENTS, type TcpEvent, RECEIVE_EVENTS } from './events.ts';
import { TCP_STATES, type TcpState } from './states.ts';

/** What a correct endpoint owes in answer to an arrival. */
export type Reply = 'ACK' | 'RST' | 'SYN+ACK';

/** An event the state accepts: where it leads and what it teaches. */
export interface Allowed {
  readonly ok: true;
  readonly next: TcpState;
  readonly why: MessageKey;
  /** The segment a correct endpoint sends in answer (receive events). */
  readonly reply?: Reply;
  /** The arrival is dropped unprocessed (RFC 9293 §3.10.7); the trace reports `ok: false`. */
  readonly discard?: boolean;
  /** A send that repeats an earlier segment rather than sending something new. */
  readonly retransmit?: boolean;
  /** Starts (or restarts) the 2 MSL TIME-WAIT timer. */
  readonly timeWait?: boolean;
  /** SYN-RECEIVED reached by a simultaneous open, not from LISTEN, behaves differently here. */
  readonly ifActiveOpen?: Omit<Allowed, 'ok' | 'ifActiveOpen'>;
}

/** An event the state refuses, with the reason shown to a player. */
export interface Refused {
  readonly ok: false;
  readonly why: MessageKey;
}

export type Outcome = Allowed | Refused;
export type TransitionTable = Readonly<Record<TcpState, Readonly<Record<TcpEvent, Outcome>>>>;

type Row = Partial<Record<TcpEvent, Omit<Allowed, 'ok'>>>;

const go = (next: TcpState, why: MessageKey, extra: Omit<Allowed, 'ok' | 'next' | 'why'> = {}): Omit<Allowed, 'ok'> => ({
  next,
  why,
  ...extra,
});
const drop = (state: TcpState, why: MessageKey, reply?: Reply): Omit<Allowed, 'ok'> =>
  reply ? { next: state, why, discard: true, reply } : { next: state, why, discard: true };

/** Arrivals after the peer's FIN: it sends no more text (§3.10.7.4, seventh check), so any is dropped. */
const afterPeerFin = (state: TcpState): Row => ({ rcvData: drop(state, 'why.ignored'), rcvEarly: drop(state, 'why.ignored') });

/** Data sent before our FIN may be resent until it is acknowledged (§3.10.8); only new data is barred. */
const resendData = (state: TcpState): Row => ({ sendData: go(state, 'why.retransmitData', { retransmit: true }) });

/** Arrivals that a synchronized state answers the same way (RFC 9293 §3.10.7.4, RFC 5961). */
function synchronizedArrivals(state: TcpState): Row {
  return {
    rcvAck: go(state, 'why.ackNoted'),
    rcvData: go(state, 'why.dataArrives', { reply: 'ACK' }),
    // §3.10.7.4 first check and SHLD-31: held until the gap fills; the ACK says what is still missing.
    rcvEarly: go(state, 'why.earlyHeld', { reply: 'ACK' }),
    rcvRst: go('CLOSED', 'why.reset'),
    // RFC 5961 §3.2: an RST in the window but not at RCV.NXT may be forged; a challenge ACK asks.
    rcvRstChallenge: drop(state, 'why.challengeRst', 'ACK'),
    rcvSyn: drop(state, 'why.challengeAck', 'ACK'),
    rcvSynAck: drop(state, 'why.duplicateAck', 'ACK'),
    rcvOld: drop(state, 'why.duplicateAck', 'ACK'),
    rcvBadAck: drop(state, 'why.ackTooFar', 'ACK'),
    rcvOther: drop(state, 'why.ignored'),
  };
}

/**
 * The rows: for each state, the events it accepts. Anything not listed is refused with the
 * state's own reason (`REFUSALS`), or, for arrivals, silently discarded.
 */
const ROWS: Record<TcpState, Row> = {
  CLOSED: {
    listen: go('LISTEN', 'why.passiveOpen'),
    sendSyn: go('SYN-SENT', 'why.activeOpen'),
    sendRst: go('CLOSED', 'why.rstAnswers'),
    // §3.10.7.1: everything is discarded; anything but an RST is answered with an RST.
    ...Object.fromEntries(RECEIVE_EVENTS.map((e) => [e, drop('CLOSED', 'why.closedRefuses', 'RST')])),
    rcvRst: drop('CLOSED', 'why.ignored'),
  },
  LISTEN: {
    close: go('CLOSED', 'why.stopListening'),
    sendSyn: go('SYN-SENT', 'why.activeOpen'),
    sendRst: go('LISTEN', 'why.rstAnswers'),
    rcvSyn: go('SYN-RECEIVED', 'why.synArrives', { reply: 'SYN+ACK' }),
    rcvBadAck: drop('LISTEN', 'why.listenBadAck', 'RST'),
  },
  'SYN-SENT': {
    close: go('CLOSED', 'why.giveUp'),
    sendSyn: go('SYN-SENT', 'why.retransmitSyn', { retransmit: true }),
    sendRst: go('SYN-SENT', 'why.rstAnswers'),
    rcvSynAck: go('ESTABLISHED', 'why.synAckArrives', { reply: 'ACK' }),
    rcvSyn: go('SYN-RECEIVED', 'why.simultaneousOpen', { reply: 'SYN+ACK' }),
    rcvRst: go('CLOSED', 'why.refused'),
    rcvBadAck: drop('SYN-SENT', 'why.synSentBadAck', 'RST'),
  },
  'SYN-RECEIVED': {
    sendSynAck: go('SYN-RECEIVED', 'why.sendSynAck', { retransmit: true }),
    // §3.10.7.4: an unacceptable segment or an RST to challenge is answered by a plain ACK.
    sendAck: go('SYN-RECEIVED', 'why.challengeAckSent'),
    sendFin: go('FIN-WAIT-1', 'why.activeClose'),
    sendRst: go('SYN-RECEIVED', 'why.rstAnswers'),
    rcvAck: go('ESTABLISHED', 'why.handshakeDone'),
    rcvData: go('ESTABLISHED', 'why.handshakeDone', { reply: 'ACK' }),
    rcvEarly: go('ESTABLISHED', 'why.handshakeDone', { reply: 'ACK' }),
    rcvFin: go('CLOSE-WAIT', 'why.finArrives', { reply: 'ACK' }),
    // RFC 9293 Figure 7: the crossing SYN,ACK completes a simultaneous open.
    rcvSynAck: go('ESTABLISHED', 'why.simultaneousOpenDone'),
    rcvRst: go('LISTEN', 'why.resetToListen', { ifActiveOpen: go('CLOSED', 'why.reset') }),
    // §3.10.7.4, fourth check: a new SYN sends a passive connection back to LISTEN.
    rcvSyn: go('LISTEN', 'why.newSynToListen', { ifActiveOpen: drop('SYN-RECEIVED', 'why.challengeAck', 'ACK') }),
    // The peer resent its SYN, so our SYN,ACK was lost: send it again (§3.10.8).
    rcvSynAgain: drop('SYN-RECEIVED', 'why.duplicateSyn', 'SYN+ACK'),
    // §3.10.7.4, first check: any other unacceptable segment is answered with an ACK.
    rcvOld: drop('SYN-RECEIVED', 'why.duplicateAck', 'ACK'),
    rcvRstChallenge: drop('SYN-RECEIVED', 'why.challengeRst', 'ACK'),
    rcvBadAck: drop('SYN-RECEIVED', 'why.synReceivedBadAck', 'RST'),
  },
  ESTABLISHED: {
    sendAck: go('ESTABLISHED', 'why.sendAck'),
    sendData: go('ESTABLISHED', 'why.sendData'),
    sendFin: go('FIN-WAIT-1', 'why.activeClose'),
    sendRst: go('CLOSED', 'why.abort'),
    ...synchronizedArrivals('ESTABLISHED'),
    rcvFin: go('CLOSE-WAIT', 'why.finArrives', { reply: 'ACK' }),
  },
  'FIN-WAIT-1': {
    sendAck: go('FIN-WAIT-1', 'why.sendAck'),
    sendFin: go('FIN-WAIT-1', 'why.retransmitFin', { retransmit: true }),
    ...resendData('FIN-WAIT-1'),
    sendRst: go('CLOSED', 'why.abort'),
    ...synchronizedArrivals('FIN-WAIT-1'),
    rcvAckOfFin: go('FIN-WAIT-2', 'why.finAcked'),
    rcvFin: go('CLOSING', 'why.simultaneousClose', { reply: 'ACK' }),
    rcvFinAckOfFin: go('TIME-WAIT', 'why.finAndAckArrive', { reply: 'ACK', timeWait: true }),
  },
  'FIN-WAIT-2': {
    sendAck: go('FIN-WAIT-2', 'why.sendAck'),
    sendRst: go('CLOSED', 'why.abort'),
    ...synchronizedArrivals('FIN-WAIT-2'),
    rcvFin: go('TIME-WAIT', 'why.finInFinWait2', { reply: 'ACK', timeWait: true }),
    rcvFinAckOfFin: go('TIME-WAIT', 'why.finInFinWait2', { reply: 'ACK', timeWait: true }),
  },
  'CLOSE-WAIT': {
    sendAck: go('CLOSE-WAIT', 'why.sendAck'),
    sendData: go('CLOSE-WAIT', 'why.sendData'),
    sendFin: go('LAST-ACK', 'why.passiveClose'),
    sendRst: go('CLOSED', 'why.abort'),
    ...synchronizedArrivals('CLOSE-WAIT'),
    ...afterPeerFin('CLOSE-WAIT'),
  },
  CLOSING: {
    sendAck: go('CLOSING', 'why.sendAck'),
    sendFin: go('CLOSING', 'why.retransmitFin', { retransmit: true }),
    ...resendData('CLOSING'),
    sendRst: go('CLOSED', 'why.abortQuietly'),
    ...synchronizedArrivals('CLOSING'),
    ...afterPeerFin('CLOSING'),
    rcvAckOfFin: go('TIME-WAIT', 'why.closingAcked', { timeWait: true }),
  },
  'LAST-ACK': {
    sendAck: go('LAST-ACK', 'why.sendAck'),
    sendFin: go('LAST-ACK', 'why.retransmitFin', { retransmit: true }),
    ...resendData('LAST-ACK'),
    sendRst: go('CLOSED', 'why.abortQuietly'),
    ...synchronizedArrivals('LAST-ACK'),
    ...afterPeerFin('LAST-ACK'),
    rcvAckOfFin: go('CLOSED', 'why.lastAckDone'),
  },
  'TIME-WAIT': {
    timeout2msl: go('CLOSED', 'why.timeWaitOver'),
    sendAck: go('TIME-WAIT', 'why.reAckFin'),
    sendRst: go('CLOSED', 'why.abortQuietly'),
    ...synchronizedArrivals('TIME-WAIT'),
    ...afterPeerFin('TIME-WAIT'),
    // The second reason for 2 MSL: a late segment of this connection dies here, answered by an
    // ACK, instead of being taken by a new connection between the same ports.
    rcvOld: drop('TIME-WAIT', 'why.oldInTimeWait', 'ACK'),
    // The lesson of TIME-WAIT: the peer's FIN came again because our ACK was lost.
    rcvFin: go('TIME-WAIT', 'why.finAgainInTimeWait', { reply: 'ACK', timeWait: true }),
  },
};

/**
 * Why each state refuses the calls and sends it does not list: what the state means, said by
 * state and segment received, never by role; a wrong move's explanation starts with it.
 */
export const REFUSALS: Readonly<Record<TcpState, MessageKey>> = {
  CLOSED: 'refuse.closed',
  LISTEN: 'refuse.listen',
  'SYN-SENT': 'refuse.synSent',
  'SYN-RECEIVED': 'refuse.synReceived',
  ESTABLISHED: 'refuse.established',
  'FIN-WAIT-1': 'refuse.finWait1',
  'FIN-WAIT-2': 'refuse.finWait2',
  'CLOSE-WAIT': 'refuse.closeWait',
  CLOSING: 'refuse.closing',
  'LAST-ACK': 'refuse.lastAck',
  'TIME-WAIT': 'refuse.timeWait',
};

function completeRow(state: TcpState): Record<TcpEvent, Outcome> {
  const row = ROWS[state];
  const entries = TCP_EVENTS.map((event): [TcpEvent, Outcome] => {
    const allowed = row[event];
    if (allowed) return [event, { ok: true, ...allowed }];
    if ((RECEIVE_EVENTS as readonly TcpEvent[]).includes(event)) {
      return [event, { ok: true, ...drop(state, 'why.ignored') }];
    }
    return [event, { ok: false, why: REFUSALS[state] }];
  });
  return Object.fromEntries(entries) as Record<TcpEvent, Outcome>;
}

/** The whole machine: every (state, event) pair has exactly one outcome. */
export const TRANSITIONS: TransitionTable = Object.fromEntries(
  TCP_STATES.map((s) => [s, completeRow(s)]),
) as TransitionTable;

/** The outcome of `event` in `state`, with the simultaneous-open variant resolved. */
export function lookup(state: TcpState, event: TcpEvent, passiveOpen = true): Outcome {
  const outcome = TRANSITIONS[state][event];
  if (outcome.ok && outcome.ifActiveOpen && !passiveOpen) return { ok: true, ...outcome.ifActiveOpen };
  return outcome;
}
