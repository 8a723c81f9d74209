import type { MessageKey } from '../i18n/messages.ts';
import { correctSegment, hasUnacked, send, type Tcb } from '../tcp/endpoint.ts';
import { has, segLen, type Segment } from '../tcp/segment.ts';
import { SYNCHRONIZED_STATES } from '../tcp/states.ts';
import type { AgendaItem } from '../scenarios/scenario.ts';
import { CARD_SEND, DATA_LEN, type Card } from './cards.ts';
import { moveTo, refreshDeadlines, withEndpoint, type Emit } from './endpoints.ts';
import { expectationOf } from './expect.ts';
import { ackReason, seqReason } from './numbersReason.ts';
import { transmit } from './network.ts';
import { hintAfterMistake, wasHinted } from './hints.ts';
import { retransmissionNeeded } from './retransmit.ts';
import { correctPoints, SCORING, scoreCorrect, scorePenalty, type RightMove } from './scoring.ts';
import { staleFit } from './stale.ts';
import { speedShare } from './timeAllowance.ts';
import { playsNumbers } from './settings.ts';
import type { EndpointState, Expectation, MatchState, MoveRecord, PlayInput } from './types.ts';
import { wrongCardReason } from './wrongCard.ts';

/** Whether playing `card` carries out the application's next wish. */
function fulfils(item: AgendaItem | undefined, card: Card): boolean {
  if (!item) return false;
  if (item.do === 'connect') return card === 'SYN';
  if (item.do === 'data') return card === 'DATA';
  if (item.do === 'abort') return card === 'RST';
  return card === 'FIN' || card === 'FIN+ACK';
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
export function judgePlay(state: MatchState, input: PlayInput, emit: Emit): MatchState {
  const { role, card, now: at } = input;
  const ep = state.endpoints[role];
  const exp = expectationOf(ep);
  const hinted = wasHinted(ep, at);
  const base: MoveBase = {
    at, role, card, expected: exp?.cards ?? NOTHING_EXPECTED, skill: exp?.skill ?? 'wait',
    tookMs: ep.expectedSince === null ? 0 : at - ep.expectedSince, state: ep.tcb.state, hinted,
  };

  if (!exp || !exp.cards.includes(card)) {
    // The card crossed an arrival that changed what is expected: the player followed what they saw.
    const crossed = staleFit(ep, card, at);
    if (crossed) {
      const move = judged({ ...base, expected: crossed.cards, skill: crossed.skill, hinted: false }, 'stale', `stale.${crossed.by}`, NO_PARAMS, SCORING.stale, null);
      return record(state, move, state.scores[role], emit);
    }
    return penalise(state, base, 'wrongCard', whyWrong(ep, exp, card), emit);
  }

  const correct = expectedSegment(ep, card);
  if (playsNumbers(state.settings.difficulty)) {
    if (input.seq === undefined || (has(correct, 'ACK') && input.ack === undefined)) return penalise(state, base, 'wrongNumbers', 'mistake.numbersMissing', emit);
    // The explanation shows the sum that gives the right number (DESIGN.md §3).
    if (input.seq !== correct.seq) {
      const r = seqReason(ep.tcb, card, correct, input.seq);
      return penalise(state, base, 'wrongNumbers', r.why, emit, r.params);
    }
    if (has(correct, 'ACK') && input.ack !== correct.ack) {
      const r = ackReason(ep.tcb, correct, input.ack);
      return penalise(state, base, 'wrongNumbers', r.why, emit, r.params);
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
  const onWire = transmit(state, role, card, sent.segment, at);
  emit({ type: 'segmentSent', at, id: onWire.wire.id });
  const remaining = speedShare(state.settings, role, ep.expectedSince, ep.deadlineAt, at);
  const unneeded = retransmitting && !retransmissionNeeded(state, role);
  const kind: RightMove = unneeded ? 'unneeded' : hinted ? 'hinted' : 'unaided';
  const points = correctPoints(state.scores[role].streak, remaining, kind);
  const why = unneeded ? 'why.unneededRetransmit' : sent.outcome.why;
  const move = judged(base, 'correct', why, NO_PARAMS, points, onWire.wire.id);
  const moved = moveTo(onWire.state, role, after, ep.tcb.state, at, emit);
  return refreshDeadlines(record(moved, move, scoreCorrect(state.scores[role], points, kind, hinted), emit), at);
}

/**
 * A wrong card: it costs points and is not sent. A function of its own rather than a closure in
 * judgePlay, which would be made for every card, right or wrong.
 */
function penalise(
  state: MatchState, base: MoveBase, verdict: 'wrongCard' | 'wrongNumbers', why: MessageKey, emit: Emit,
  params: Readonly<Record<string, number>> = NO_PARAMS,
): MatchState {
  const { role, at } = base;
  const move = judged(base, verdict, why, params, SCORING[verdict], null);
  // After a mistake the hint of the move still expected shows at once (no copy when it already shows).
  const ep = state.endpoints[role];
  const hintNow = hintAfterMistake(ep, at);
  const shown = hintNow === ep ? state : withEndpoint(state, role, hintNow);
  return record(shown, move, scorePenalty(state.scores[role], verdict), emit);
}

/** What a judged move records before its verdict. */
type MoveBase = Omit<MoveRecord, 'verdict' | 'why' | 'points' | 'segmentId' | 'params'>;

/** Most moves explain themselves without numbers; one shared, frozen empty set of them. */
const NO_PARAMS: Readonly<Record<string, number>> = Object.freeze({});
const NOTHING_EXPECTED: readonly Card[] = Object.freeze([]);

/**
 * The move as recorded, written out rather than spread from `base` (every card makes one), in
 * the order the record has always had: stored rounds and their JSON keep the same shape.
 */
function judged(base: MoveBase, verdict: MoveRecord['verdict'], why: MessageKey, params: MoveRecord['params'], points: number, segmentId: number | null): MoveRecord {
  return {
    at: base.at, role: base.role, card: base.card, expected: base.expected, skill: base.skill, tookMs: base.tookMs, state: base.state,
    params, hinted: base.hinted, verdict, why, points, segmentId,
  };
}

function record(state: MatchState, move: MoveRecord, score: MatchState['scores']['client'], emit: Emit): MatchState {
  emit({ type: 'moveJudged', at: move.at, move });
  const scores = move.role === 'client' ? { client: score, server: state.scores.server } : { client: state.scores.client, server: score };
  return { ...state, moves: [...state.moves, move], scores };
}

