import type { MessageKey } from '../i18n/messages.ts';
import { hasUnacked } from '../tcp/endpoint.ts';
import type { ReceiveEvent } from '../tcp/events.ts';
import { CARD_SEND, CARDS, type Card, type Role } from './cards.ts';
import { allows } from '../tcp/table.ts';
import type { EndpointState, Expectation, MatchState, Skill } from './types.ts';

const FIN_CARDS: readonly Card[] = Object.freeze(['FIN', 'FIN+ACK']);

const expect = (cards: readonly Card[], skill: Skill, hint: MessageKey): Expectation => Object.freeze({ cards: Object.freeze(cards), skill, hint });

/**
 * Every expectation is one of these constants: the engine asks for them several times a step in
 * every room, and a new object (and list of cards) each time was garbage by the next step.
 */
const ACK_OF = {
  completeHandshake: expect(['ACK'], 'completeHandshake', 'hint.completeHandshake'),
  ackData: expect(['ACK'], 'ackData', 'hint.ackData'),
  ackEarly: expect(['ACK'], 'ackData', 'hint.ackEarly'),
  challengeAck: expect(['ACK'], 'reAck', 'hint.challengeAck'),
  reAckTimeWait: expect(['ACK'], 'reAck', 'hint.reAckTimeWait'),
  ackFin: expect(['ACK'], 'ackFin', 'hint.ackFin'),
  reAck: expect(['ACK'], 'reAck', 'hint.reAck'),
} as const;

const RETRANSMIT = Object.fromEntries(
  CARDS.map((c) => [c, expect(FIN_CARDS.includes(c) ? FIN_CARDS : [c], 'retransmit', 'hint.retransmit')]),
) as Readonly<Record<Card, Expectation>>;

const NEXT = {
  answerSyn: expect(['SYN+ACK'], 'answerSyn', 'hint.answerSyn'),
  refuse: expect(['RST'], 'refuse', 'hint.refuse'),
  closeCombined: expect(['FIN+ACK'], 'closeAfterPeer', 'hint.closeCombined'),
  open: expect(['SYN'], 'open', 'hint.open'),
  sendData: expect(['DATA'], 'sendData', 'hint.sendData'),
  abort: expect(['RST'], 'close', 'hint.abort'),
  close: expect(FIN_CARDS, 'close', 'hint.close'),
  closeAfterPeer: expect(FIN_CARDS, 'closeAfterPeer', 'hint.closeAfterPeer'),
} as const;

/** Which skill answering an arrival practises. */
function ackSkill(because: ReceiveEvent, inState: string): Expectation {
  switch (because) {
    case 'rcvSynAck':
      return ACK_OF.completeHandshake;
    case 'rcvData':
      return ACK_OF.ackData;
    case 'rcvEarly':
      return ACK_OF.ackEarly;
    case 'rcvRstChallenge':
    case 'rcvSyn':
      return ACK_OF.challengeAck;
    case 'rcvFin':
    case 'rcvFinAckOfFin':
      return inState === 'TIME-WAIT' ? ACK_OF.reAckTimeWait : ACK_OF.ackFin;
    default:
      return ACK_OF.reAck;
  }
}

/** What an endpoint should do next, or null when the right thing is to wait. */
export function expectationOf(ep: EndpointState): Expectation | null {
  const exp = wanted(ep);
  if (!exp) return null;
  // Never ask for a card the TCP machine would refuse in this state.
  const { state } = ep.tcb;
  let allowed = 0;
  for (let i = 0; i < exp.cards.length; i++) if (allows(state, CARD_SEND[exp.cards[i]!])) allowed++;
  if (allowed === exp.cards.length) return exp;
  return allowed === 0 ? null : { ...exp, cards: exp.cards.filter((c) => allows(state, CARD_SEND[c])) };
}

function wanted(ep: EndpointState): Expectation | null {
  const { tcb } = ep;
  if (ep.mustRetransmit) {
    return RETRANSMIT[ep.mustRetransmit];
  }
  const next = ep.agenda[0];
  if (ep.owed) {
    if (ep.owed.reply === 'SYN+ACK') return NEXT.answerSyn;
    if (ep.owed.reply === 'RST') return NEXT.refuse;
    // The three-segment close: the FIN travels with the ACK of the peer's FIN (DESIGN.md §4.11).
    if (tcb.state === 'CLOSE-WAIT' && next?.do === 'closeAfterPeer' && next.combined && !hasUnacked(tcb)) {
      return NEXT.closeCombined;
    }
    return ackSkill(ep.owed.because, ep.owed.inState);
  }
  // Data and a FIN may follow data not yet acknowledged (§3.10.4): the game does not teach stop-and-wait.
  if (!next) return null;
  switch (next.do) {
    case 'connect':
      return tcb.state === 'CLOSED' ? NEXT.open : null;
    case 'data':
      if (next.afterPeerClose) return tcb.state === 'CLOSE-WAIT' ? NEXT.sendData : null;
      return tcb.state === 'ESTABLISHED' || tcb.state === 'CLOSE-WAIT' ? NEXT.sendData : null;
    case 'abort':
      return tcb.state === 'ESTABLISHED' ? NEXT.abort : null;
    case 'close':
      return tcb.state === 'ESTABLISHED' ? NEXT.close : null;
    case 'closeAfterPeer':
      return tcb.state === 'CLOSE-WAIT' ? NEXT.closeAfterPeer : null;
  }
}

/** What `role` should do next in this round, or null when it should wait. */
export function expectationFor(state: MatchState, role: Role): Expectation | null {
  if (state.status !== 'playing') return null;
  return expectationOf(state.endpoints[role]);
}
