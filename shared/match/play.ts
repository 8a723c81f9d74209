import type { MessageKey } from '../i18n/messages.ts';
import { correctSegment, hasUnacked, send, type Tcb } from '../tcp/endpoint.ts';
import { has, segLen, type Segment } from '../tcp/segment.ts';
import { SYNCHRONIZED_STATES } from '../tcp/states.ts';
import type { AgendaItem } from '../scenarios/scenario.ts';
import { CARD_SEND, DATA_LEN, isFinCard, type Card } from './cards.ts';
import { moveTo, refreshDeadlines, type Emit } from './endpoints.ts';
import { expectationOf } from './expect.ts';
import { ackReason, seqReason } from './numbersReason.ts';
import { transmit } from './network.ts';
import { hintAfterMistake, wasHinted } from './hints.ts';
import { retransmissionNeeded } from './retransmit.ts';
import { correctPoints, SCORING, scoreCorrect, scorePenalty, type RightMove } from './scoring.ts';
import { staleFit } from './stale.ts';
import { speedShare } from './timeAllowance.ts';
import { playsNumbers } from './settings.ts';
import type { Draft } from './draft.ts';
import { NO_PARAMS, type EndpointState, type Expectation, type MoveRecord, type PlayInput, type RoleScore } from './types.ts';
import { wrongCardReason } from './wrongCard.ts';

/** Whether playing `card` carries out the application's next wish. */
function fulfils(item: AgendaItem | undefined, card: Card): boolean {
  if (!item) return false;
  if (item.do === 'connect') return card === 'SYN';
  if (item.do === 'data') return card === 'DATA';
  if (item.do === 'abort') return card === 'RST';
  return isFinCard(card);
}

/** Whether sending `card` answers what the endpoint owes. */
function answers(owed: EndpointState['owed'], card: Card): boolean {
  if (!owed) return false;
  if (owed.reply === 'ACK') return card !== 'SYN' && card !== 'RST';
  return owed.reply === card;
}

/** Why a card that was not expected is wrong, by the player's state and what it received. */
function whyWrong(ep: EndpointState, exp: Expectation | null, card: Card): MessageKey {
  return wrongCardReason(ep, exp, card);
}

/** An RST answers a segment without ACK with RST+ACK (RFC 9293 §3.10.7.1). */
function rstWithAck(tcb: Tcb): boolean {
  if (SYNCHRONIZED_STATES.has(tcb.state)) return false;
  return !(tcb.lastReceived && has(tcb.lastReceived, 'ACK'));
}

/** The segment a correct endpoint sends for `card`: the numbers the Numbers difficulty asks for. */
export function expectedSegment(ep: EndpointState, card: Card): Segment {
  const seg = correctSegment(ep.tcb, CARD_SEND[card], card === 'DATA' ? DATA_LEN : 0, rstWithAck(ep.tcb));
  // Retransmitted data starts again at the oldest unacknowledged byte.
  return card === 'DATA' && ep.mustRetransmit === 'DATA' ? { ...seg, seq: ep.tcb.sndUna } : seg;
}

/** Judges a card: a wrong one costs points and is not sent; a right one goes on the wire. */
export function judgePlay(d: Draft, input: PlayInput, emit: Emit): void {
  const state = d.state;
  const { role, card, now: at } = input;
  const ep = state.endpoints[role];
  const exp = expectationOf(ep);
  const hinted = wasHinted(ep, at);
  const base: MoveBase = {
    at, role, card, expected: exp?.cards ?? [], skill: exp?.skill ?? 'wait',
    tookMs: ep.expectedSince === null ? 0 : at - ep.expectedSince, state: ep.tcb.state, hinted,
  };

  if (!exp || !exp.cards.includes(card)) {
    // The card crossed an arrival that changed what is expected: the player followed what they saw.
    const crossed = staleFit(ep, card, at);
    if (crossed) {
      const move = moveOf({ ...base, expected: crossed.cards, skill: crossed.skill, hinted: false }, 'stale', `stale.${crossed.by}`, NO_PARAMS, SCORING.stale, null);
      return record(d, move, state.scores[role], emit);
    }
    return penalised(d, base, 'wrongCard', whyWrong(ep, exp, card), NO_PARAMS, emit);
  }

  const correct = expectedSegment(ep, card);
  if (playsNumbers(state.settings.difficulty)) {
    if (input.seq === undefined || (has(correct, 'ACK') && input.ack === undefined)) return penalised(d, base, 'wrongNumbers', 'mistake.numbersMissing', NO_PARAMS, emit);
    // The explanation shows the sum that gives the right number (DESIGN.md §3).
    if (input.seq !== correct.seq) {
      const r = seqReason(ep.tcb, card, correct, input.seq);
      return penalised(d, base, 'wrongNumbers', r.why, r.params, emit);
    }
    if (has(correct, 'ACK') && input.ack !== correct.ack) {
      const r = ackReason(ep.tcb, correct, input.ack);
      return penalised(d, base, 'wrongNumbers', r.why, r.params, emit);
    }
  }

  const sent = send(ep.tcb, CARD_SEND[card], { seq: correct.seq, ack: correct.ack, len: correct.len, rstWithAck: rstWithAck(ep.tcb) });
  // The expectation only offers cards the machine allows, so this holds; a refusal would be a table bug.
  if (!sent.ok) throw new Error(`expected ${card} refused in ${ep.tcb.state}`);
  const consumes = segLen(sent.segment) > 0;
  const retransmitting = ep.mustRetransmit !== null && exp.skill === 'retransmit';
  const after: EndpointState = {
    ...ep,
    tcb: sent.tcb,
    owed: answers(ep.owed, card) ? null : ep.owed,
    agenda: fulfils(ep.agenda[0], card) && !retransmitting ? ep.agenda.slice(1) : ep.agenda,
    mustRetransmit: retransmitting ? null : ep.mustRetransmit,
    // One timer for everything outstanding (RFC 6298 §5.1): new data behind unacknowledged data keeps it running.
    rtoAt: consumes && (retransmitting || ep.rtoAt === null || !hasUnacked(ep.tcb)) ? at + state.settings.timing.rtoMs : ep.rtoAt,
    unackedCard: consumes && (ep.unackedCard === null || !hasUnacked(ep.tcb)) ? card : ep.unackedCard,
    deadlineAt: null,
    expectedSince: null,
    hintAt: null,
    superseded: null,
  };
  // Judged against the wire as the card found it, before its own segment joins it.
  const unneeded = retransmitting && !retransmissionNeeded(state, role);
  const remaining = speedShare(state.settings, role, ep.expectedSince, ep.deadlineAt, at);
  const kind: RightMove = unneeded ? 'unneeded' : hinted ? 'hinted' : 'unaided';
  const points = correctPoints(state.scores[role].streak, remaining, kind);
  const score = scoreCorrect(state.scores[role], points, kind, hinted);
  const onWire = transmit(d, role, card, sent.segment, at);
  emit({ type: 'segmentSent', at, id: onWire.id });
  const why = unneeded ? 'why.unneededRetransmit' : sent.outcome.why;
  const move = moveOf(base, 'correct', why, NO_PARAMS, points, onWire.id);
  moveTo(d, role, after, at, emit);
  record(d, move, score, emit);
  refreshDeadlines(d, at);
}

/** What every move judged from one card shares, whatever its verdict. */
type MoveBase = Pick<MoveRecord, 'at' | 'role' | 'card' | 'expected' | 'skill' | 'tookMs' | 'state' | 'hinted'>;
type Mistake = 'wrongCard' | 'wrongNumbers';

/**
 * The judged move, every field written in one literal: `{ ...base, verdict, … }` copied the base
 * and then grew the copy a second store for the fields it lacked, at every card (issue 21).
 */
function moveOf(
  base: MoveBase, verdict: MoveRecord['verdict'], why: MessageKey, params: MoveRecord['params'], points: number, segmentId: number | null,
): MoveRecord {
  return {
    at: base.at, role: base.role, card: base.card, expected: base.expected, skill: base.skill, verdict, why, params, points,
    tookMs: base.tookMs, state: base.state, segmentId, hinted: base.hinted,
  };
}

/** A wrong card or wrong numbers: points lost, nothing sent, and the hint of the move still expected shows at once. */
function penalised(d: Draft, base: MoveBase, verdict: Mistake, why: MessageKey, params: Readonly<Record<string, number>>, emit: Emit): void {
  const { role, at } = base;
  const move = moveOf(base, verdict, why, params, SCORING[verdict], null);
  const score = scorePenalty(d.state.scores[role], verdict);
  d.setEndpoint(role, hintAfterMistake(d.state.endpoints[role], at));
  record(d, move, score, emit);
}

function record(d: Draft, move: MoveRecord, score: RoleScore, emit: Emit): void {
  emit({ type: 'moveJudged', at: move.at, move });
  d.addMove(move);
  d.setScore(move.role, score);
}
