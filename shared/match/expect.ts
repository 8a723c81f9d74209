import type { MessageKey } from '../i18n/messages.ts';
import { hasUnacked } from '../tcp/endpoint.ts';
import type { ReceiveEvent } from '../tcp/events.ts';
import { CARD_SEND, type Card, type Role } from './cards.ts';
import { lookup } from '../tcp/table.ts';
import type { EndpointState, Expectation, MatchState, Skill } from './types.ts';

const FIN_CARDS: readonly Card[] = ['FIN', 'FIN+ACK'];

const expect = (cards: readonly Card[], skill: Skill, hint: MessageKey): Expectation => ({ cards, skill, hint });

/** Which skill answering an arrival practises. */
function ackSkill(because: ReceiveEvent, inState: string): Expectation {
  switch (because) {
    case 'rcvSynAck':
      return expect(['ACK'], 'completeHandshake', 'hint.completeHandshake');
    case 'rcvData':
      return expect(['ACK'], 'ackData', 'hint.ackData');
    case 'rcvEarly':
      return expect(['ACK'], 'ackData', 'hint.ackEarly');
    case 'rcvRstChallenge':
    case 'rcvSyn':
      return expect(['ACK'], 'reAck', 'hint.challengeAck');
    case 'rcvFin':
    case 'rcvFinAckOfFin':
      return inState === 'TIME-WAIT'
        ? expect(['ACK'], 'reAck', 'hint.reAckTimeWait')
        : expect(['ACK'], 'ackFin', 'hint.ackFin');
    default:
      return expect(['ACK'], 'reAck', 'hint.reAck');
  }
}

/** What an endpoint should do next, or null when the right thing is to wait. */
export function expectationOf(ep: EndpointState): Expectation | null {
  const exp = wanted(ep);
  if (!exp) return null;
  // Never ask for a card the TCP machine would refuse in this state.
  const cards = exp.cards.filter((c) => lookup(ep.tcb.state, CARD_SEND[c], ep.tcb.passive).ok);
  return cards.length === 0 ? null : { ...exp, cards };
}

function wanted(ep: EndpointState): Expectation | null {
  const { tcb } = ep;
  if (ep.mustRetransmit) {
    const cards = FIN_CARDS.includes(ep.mustRetransmit) ? FIN_CARDS : [ep.mustRetransmit];
    return expect(cards, 'retransmit', 'hint.retransmit');
  }
  const next = ep.agenda[0];
  if (ep.owed) {
    if (ep.owed.reply === 'SYN+ACK') return expect(['SYN+ACK'], 'answerSyn', 'hint.answerSyn');
    if (ep.owed.reply === 'RST') return expect(['RST'], 'refuse', 'hint.refuse');
    // The three-segment close: the FIN travels with the ACK of the peer's FIN (DESIGN.md §4.11).
    if (tcb.state === 'CLOSE-WAIT' && next?.do === 'closeAfterPeer' && next.combined && !hasUnacked(tcb)) {
      return expect(['FIN+ACK'], 'closeAfterPeer', 'hint.closeCombined');
    }
    return ackSkill(ep.owed.because, ep.owed.inState);
  }
  // Data and a FIN may follow data not yet acknowledged (§3.10.4): the game does not teach stop-and-wait.
  if (!next) return null;
  switch (next.do) {
    case 'connect':
      return tcb.state === 'CLOSED' ? expect(['SYN'], 'open', 'hint.open') : null;
    case 'data':
      if (next.afterPeerClose) return tcb.state === 'CLOSE-WAIT' ? expect(['DATA'], 'sendData', 'hint.sendData') : null;
      return tcb.state === 'ESTABLISHED' || tcb.state === 'CLOSE-WAIT' ? expect(['DATA'], 'sendData', 'hint.sendData') : null;
    case 'abort':
      return tcb.state === 'ESTABLISHED' ? expect(['RST'], 'close', 'hint.abort') : null;
    case 'close':
      return tcb.state === 'ESTABLISHED' ? expect(FIN_CARDS, 'close', 'hint.close') : null;
    case 'closeAfterPeer':
      return tcb.state === 'CLOSE-WAIT' ? expect(FIN_CARDS, 'closeAfterPeer', 'hint.closeAfterPeer') : null;
  }
}

/** What `role` should do next in this round, or null when it should wait. */
export function expectationFor(state: MatchState, role: Role): Expectation | null {
  if (state.status !== 'playing') return null;
  return expectationOf(state.endpoints[role]);
}
