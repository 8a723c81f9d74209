import type { MessageKey } from '../i18n/messages.ts';
import { SYNCHRONIZED_STATES, type TcpState } from '../tcp/states.ts';
import { lookup } from '../tcp/table.ts';
import { CARD_SEND, type Card } from './cards.ts';
import type { EndpointState, Expectation, Skill } from './types.ts';

/*
 * Why a played card does not fit, said by state and segment received, never by role (DESIGN.md
 * §3): the state itself is described by the state's own text (`refuse.*`), which the move's
 * formatter puts first; these reasons say what is wrong with this card there. A reason may use
 * `{card}` (the card played) and `{expected}` (the cards that were right).
 */

/** States before the handshake has brought both sides' sequence numbers. */
const UNSYNCHRONIZED: ReadonlySet<TcpState> = new Set<TcpState>(['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED']);

/** Why the TCP machine itself refuses `card` in `state` (the table has no row for it). */
export function refusedCardReason(state: TcpState, card: Card): MessageKey {
  switch (card) {
    case 'SYN':
      return 'wrong.synOnConnection';
    case 'SYN+ACK':
      return SYNCHRONIZED_STATES.has(state) ? 'wrong.synAckAfterHandshake' : 'wrong.synAckWithoutSyn';
    case 'ACK':
      return state === 'SYN-RECEIVED' ? 'wrong.ackWithoutSyn' : 'wrong.ackBeforeSyn';
    case 'FIN':
    case 'FIN+ACK':
      return UNSYNCHRONIZED.has(state) ? 'wrong.finBeforeEstablished' : 'wrong.finAgain';
    case 'DATA':
      return UNSYNCHRONIZED.has(state) ? 'wrong.dataBeforeEstablished' : 'wrong.dataAfterFin';
    case 'RST':
      return 'wrong.rstNothingToRefuse';
  }
}

/** An arrival that is owed an answer, and what the answer is, per skill. */
const UNANSWERED: Partial<Record<Skill, MessageKey>> = {
  answerSyn: 'wrong.synUnanswered',
  refuse: 'wrong.strayUnanswered',
  completeHandshake: 'wrong.synAckUnacked',
  ackData: 'wrong.dataUnacked',
  ackFin: 'wrong.finUnacked',
  retransmit: 'wrong.mustRetransmit',
};

/** Why an allowed card is wrong while the endpoint owes an answer or must retransmit. */
function owedReason(ep: EndpointState, exp: Expectation): MessageKey | null {
  if (exp.skill === 'reAck') return ep.owed?.inState === 'TIME-WAIT' ? 'wrong.finRepeated' : 'wrong.segmentRepeated';
  if (exp.skill === 'closeAfterPeer' && ep.owed) return 'wrong.closeCombined';
  return UNANSWERED[exp.skill] ?? null;
}

/** Why an allowed card is wrong when nothing arrived that it answers: what the card would do. */
function uncalledReason(ep: EndpointState, exp: Expectation | null, card: Card): MessageKey {
  const resend = ep.unackedCard === card || (ep.unackedCard === 'FIN' && card === 'FIN+ACK') || (ep.unackedCard === 'FIN+ACK' && card === 'FIN');
  if (resend) return 'mistake.waitForRto';
  switch (card) {
    case 'ACK':
      return 'wrong.ackNothingNew';
    case 'RST':
      return UNSYNCHRONIZED.has(ep.tcb.state) ? 'wrong.rstNothingToRefuse' : 'wrong.rstAborts';
    case 'FIN':
    case 'FIN+ACK':
      if (exp?.cards.includes('RST')) return 'wrong.finNotAbort';
      return exp?.skill === 'sendData' ? 'wrong.finBeforeData' : 'wrong.nothingOwed';
    case 'DATA':
      return 'wrong.noMoreData';
    case 'SYN':
      return ep.tcb.state === 'CLOSED' || ep.tcb.state === 'LISTEN' ? 'wrong.synNotWanted' : 'wrong.synOnConnection';
    default:
      return 'wrong.nothingOwed';
  }
}

/** Why `card` is wrong for this endpoint now, given what it should do (`exp`, null to wait). */
export function wrongCardReason(ep: EndpointState, exp: Expectation | null, card: Card): MessageKey {
  const refused = lookup(ep.tcb.state, CARD_SEND[card], ep.tcb.passive);
  if (!refused.ok) return refusedCardReason(ep.tcb.state, card);
  // SYN-RECEIVED may send a plain ACK only as a challenge ACK; a SYN still wants its SYN+ACK.
  if (card === 'ACK' && exp?.skill === 'answerSyn') return 'wrong.ackWithoutSyn';
  return (exp && owedReason(ep, exp)) ?? uncalledReason(ep, exp, card);
}
