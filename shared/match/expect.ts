import type { MessageKey } from '../i18n/messages.ts';
import { hasUnacked, type Tcb } from '../tcp/endpoint.ts';
import type { ReceiveEvent } from '../tcp/events.ts';
import { CARD_SEND, CARDS, isFinCard, type Card, type Role } from './cards.ts';
import { lookup } from '../tcp/table.ts';
import type { EndpointState, Expectation, MatchState, Skill } from './types.ts';

const FIN_CARDS: readonly Card[] = ['FIN', 'FIN+ACK'];

/**
 * Every expectation is one of a few, each made once and frozen: they are asked for several
 * times per step of every room, and an object made per call would be garbage for the server's
 * young generation to sweep (issue 21). Its `cards` are not frozen, only typed readonly: V8
 * (Node 24) makes an iterator and a result object per element of every `for…of` over a frozen
 * array, a few hundred bytes per step of the engine for nothing.
 */
const made = new Map<string, Expectation>();
function expect(cards: readonly Card[], skill: Skill, hint: MessageKey): Expectation {
  const key = `${cards.join()}|${skill}|${hint}`;
  let e = made.get(key);
  if (!e) made.set(key, (e = Object.freeze({ cards: [...cards], skill, hint })));
  return e;
}

const EXPECT = {
  completeHandshake: expect(['ACK'], 'completeHandshake', 'hint.completeHandshake'),
  ackData: expect(['ACK'], 'ackData', 'hint.ackData'),
  ackEarly: expect(['ACK'], 'ackData', 'hint.ackEarly'),
  challengeAck: expect(['ACK'], 'reAck', 'hint.challengeAck'),
  reAckTimeWait: expect(['ACK'], 'reAck', 'hint.reAckTimeWait'),
  ackFin: expect(['ACK'], 'ackFin', 'hint.ackFin'),
  reAck: expect(['ACK'], 'reAck', 'hint.reAck'),
  retransmitFin: expect(FIN_CARDS, 'retransmit', 'hint.retransmit'),
  answerSyn: expect(['SYN+ACK'], 'answerSyn', 'hint.answerSyn'),
  refuse: expect(['RST'], 'refuse', 'hint.refuse'),
  closeCombined: expect(['FIN+ACK'], 'closeAfterPeer', 'hint.closeCombined'),
  open: expect(['SYN'], 'open', 'hint.open'),
  sendData: expect(['DATA'], 'sendData', 'hint.sendData'),
  abort: expect(['RST'], 'close', 'hint.abort'),
  close: expect(FIN_CARDS, 'close', 'hint.close'),
  closeAfterPeer: expect(FIN_CARDS, 'closeAfterPeer', 'hint.closeAfterPeer'),
} as const;

/** Send this card again: the retransmission timer fired. */
const RETRANSMIT = new Map(CARDS.map((c) => [c, isFinCard(c) ? EXPECT.retransmitFin : expect([c], 'retransmit', 'hint.retransmit')]));

/** Which skill answering an arrival practises. */
function ackSkill(because: ReceiveEvent, inState: string): Expectation {
  switch (because) {
    case 'rcvSynAck':
      return EXPECT.completeHandshake;
    case 'rcvData':
      return EXPECT.ackData;
    case 'rcvEarly':
      return EXPECT.ackEarly;
    case 'rcvRstChallenge':
    case 'rcvSyn':
      return EXPECT.challengeAck;
    case 'rcvFin':
    case 'rcvFinAckOfFin':
      return inState === 'TIME-WAIT' ? EXPECT.reAckTimeWait : EXPECT.ackFin;
    default:
      return EXPECT.reAck;
  }
}

/** What an endpoint should do next, or null when the right thing is to wait. */
export function expectationOf(ep: EndpointState): Expectation | null {
  const exp = wanted(ep);
  if (!exp) return null;
  // Never ask for a card the TCP machine would refuse in this state.
  let refused = 0;
  // Indexed, as in the engine's scanDue: this runs several times a step.
  for (let i = 0; i < exp.cards.length; i++) if (!sendable(ep.tcb, exp.cards[i]!)) refused++;
  if (refused === 0) return exp;
  if (refused === exp.cards.length) return null;
  return expect(exp.cards.filter((c) => sendable(ep.tcb, c)), exp.skill, exp.hint);
}

/** Whether the TCP machine lets `tcb` send `card` now. */
function sendable(tcb: Tcb, card: Card): boolean {
  return lookup(tcb.state, CARD_SEND[card], tcb.passive).ok;
}

function wanted(ep: EndpointState): Expectation | null {
  const { tcb } = ep;
  if (ep.mustRetransmit) {
    return RETRANSMIT.get(ep.mustRetransmit)!;
  }
  const next = ep.agenda[0];
  if (ep.owed) {
    if (ep.owed.reply === 'SYN+ACK') return EXPECT.answerSyn;
    if (ep.owed.reply === 'RST') return EXPECT.refuse;
    // The three-segment close: the FIN travels with the ACK of the peer's FIN (DESIGN.md §4.11).
    if (tcb.state === 'CLOSE-WAIT' && next?.do === 'closeAfterPeer' && next.combined && !hasUnacked(tcb)) {
      return EXPECT.closeCombined;
    }
    return ackSkill(ep.owed.because, ep.owed.inState);
  }
  // Data and a FIN may follow data not yet acknowledged (§3.10.4): the game does not teach stop-and-wait.
  if (!next) return null;
  switch (next.do) {
    case 'connect':
      return tcb.state === 'CLOSED' ? EXPECT.open : null;
    case 'data':
      if (next.afterPeerClose) return tcb.state === 'CLOSE-WAIT' ? EXPECT.sendData : null;
      return tcb.state === 'ESTABLISHED' || tcb.state === 'CLOSE-WAIT' ? EXPECT.sendData : null;
    case 'abort':
      return tcb.state === 'ESTABLISHED' ? EXPECT.abort : null;
    case 'close':
      return tcb.state === 'ESTABLISHED' ? EXPECT.close : null;
    case 'closeAfterPeer':
      return tcb.state === 'CLOSE-WAIT' ? EXPECT.closeAfterPeer : null;
  }
}

/** What `role` should do next in this round, or null when it should wait. */
export function expectationFor(state: MatchState, role: Role): Expectation | null {
  if (state.status !== 'playing') return null;
  return expectationOf(state.endpoints[role]);
}
