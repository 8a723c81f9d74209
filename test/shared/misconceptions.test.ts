import { describe, expect, it } from 'vitest';
import { botDecision, STEADY_BOT } from '../../shared/bots/bot.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import { misconceptionText } from '../../shared/i18n/misconceptionTexts.ts';
import { LOCALES } from '../../shared/i18n/messages.ts';
import { ROLES, type Card, type Role } from '../../shared/match/cards.ts';
import { createMatch, nextWakeAt, step } from '../../shared/match/engine.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import { expectedSegment } from '../../shared/match/play.ts';
import { makeSettings, type Difficulty } from '../../shared/match/settings.ts';
import type { MatchInput, MatchState, MoveRecord, Skill } from '../../shared/match/types.ts';
import { MISCONCEPTIONS, misconceptionCounts, misconceptionOf, type Misconception } from '../../shared/reports/misconceptions.ts';
import { SCENARIO_LIST } from '../../shared/scenarios/catalogue.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import type { TcpState } from '../../shared/tcp/states.ts';
import { judged, run } from './engineDriver.ts';

function start(scenarioId: ScenarioId, difficulty: Difficulty = 'flags'): MatchState {
  return createMatch({ scenarioId, settings: makeSettings({ difficulty, lossRate: 0 }), seed: 7, now: 0 });
}

/** Plays right (steady bots on both ends) one input at a time until `reached` holds. */
function playUntil(state: MatchState, reached: (s: MatchState) => boolean): MatchState {
  let s = state;
  for (let i = 0; i < 500 && !reached(s); i++) {
    let input: MatchInput | null = null;
    for (const role of ROLES) {
      const d = botDecision(s, role, STEADY_BOT);
      if (d && (!input || d.at < input.now)) input = d.input;
    }
    const wake = nextWakeAt(s);
    if (wake !== null && (!input || wake <= input.now)) input = { kind: 'tick', now: wake };
    if (!input) break;
    s = step(s, input).state;
  }
  if (!reached(s)) throw new Error('the round never reached the wanted moment');
  return s;
}

const expects = (role: Role, skill: Skill) => (s: MatchState) => expectationFor(s, role)?.skill === skill;
const inState = (role: Role, state: TcpState) => (s: MatchState) => s.endpoints[role].tcb.state === state;

/** The move judged when `role` plays `card` now; numbers are the right ones unless changed by `numbers`. */
function play(s: MatchState, role: Role, card: Card, numbers: (right: { seq: number; ack: number }) => { seq?: number; ack?: number } = () => ({})): MoveRecord {
  const right = expectedSegment(s.endpoints[role], card);
  const given = { seq: right.seq, ack: right.ack, ...numbers({ seq: right.seq, ack: right.ack }) };
  const move = judged(step(s, { kind: 'play', now: s.now, role, card, ...given }).events).at(-1);
  if (!move) throw new Error('no move judged');
  return move;
}

/** For each misconception, a wrong move real play can make, and the moment it is made. */
const CASES: readonly { id: Misconception; does: string; move: () => MoveRecord }[] = [
  { id: 'plainAckForSyn', does: 'a plain ACK answers a SYN', move: () => play(playUntil(start('handshake'), expects('server', 'answerSyn')), 'server', 'ACK') },
  { id: 'twoWayHandshake', does: 'a FIN follows the SYN+ACK instead of its ACK', move: () => play(playUntil(start('handshake'), expects('client', 'completeHandshake')), 'client', 'FIN') },
  { id: 'earlyDataOrClose', does: 'data is sent in SYN-SENT', move: () => play(playUntil(start('handshake'), inState('client', 'SYN-SENT')), 'client', 'DATA') },
  {
    id: 'synFinTakeNoNumber', does: 'the handshake ACK acknowledges the peer\'s ISN itself',
    move: () => play(playUntil(start('handshake', 'numbers'), expects('client', 'completeHandshake')), 'client', 'ACK', (r) => ({ ack: r.ack - 1 })),
  },
  {
    id: 'synFinTakeNoNumber', does: 'the ACK of a FIN acknowledges the FIN\'s own number',
    move: () => play(playUntil(start('client-close', 'numbers'), expects('server', 'ackFin')), 'server', 'ACK', (r) => ({ ack: r.ack - 1 })),
  },
  {
    id: 'dataLengthIgnored', does: '100 bytes of data are acknowledged as one number',
    move: () => play(playUntil(start('whole-life', 'numbers'), expects('server', 'ackData')), 'server', 'ACK', (r) => ({ ack: r.ack - 99 })),
  },
  {
    id: 'ackTakesNumber', does: 'data after the handshake ACK acknowledges that ACK as a number',
    move: () => play(playUntil(start('whole-life', 'numbers'), expects('server', 'sendData')), 'server', 'DATA', (r) => ({ ack: r.ack + 1 })),
  },
  { id: 'resendTooEarly', does: 'the SYN is sent again before the timer fires', move: () => play(playUntil(start('lost-syn'), inState('client', 'SYN-SENT')), 'client', 'SYN') },
  {
    id: 'resendNewNumber', does: 'lost data is resent with the next number',
    move: () => play(playUntil(start('lost-data', 'numbers'), expects('client', 'retransmit')), 'client', 'DATA', (r) => ({ seq: r.seq + 100 })),
  },
  { id: 'finNeedsNoAck', does: 'the peer\'s FIN in FIN-WAIT-2 is answered by an RST', move: () => play(playUntil(start('client-close'), expects('client', 'ackFin')), 'client', 'RST') },
  { id: 'finClosesBoth', does: 'the passive closer ACKs again instead of sending its FIN', move: () => play(playUntil(start('client-close'), expects('server', 'closeAfterPeer')), 'server', 'ACK') },
  {
    id: 'finClosesBoth', does: 'data arriving in FIN-WAIT-2 is answered by another FIN',
    move: () => play(playUntil(start('half-close'), (s) => expects('client', 'ackData')(s) && inState('client', 'FIN-WAIT-2')(s)), 'client', 'FIN'),
  },
  { id: 'passiveCloserTimeWait', does: 'the passive closer sends an ACK from LAST-ACK', move: () => play(playUntil(start('client-close'), inState('server', 'LAST-ACK')), 'server', 'ACK') },
  { id: 'timeWaitIdle', does: 'a FIN repeated in TIME-WAIT is answered by a FIN', move: () => play(playUntil(start('lost-last-ack'), expects('client', 'reAck')), 'client', 'FIN') },
  { id: 'finIsLast', does: 'a FIN comes while data is still to send', move: () => play(playUntil(start('whole-life'), expects('client', 'sendData')), 'client', 'FIN') },
  { id: 'finVersusRst', does: 'an abort is played as a FIN', move: () => play(playUntil(start('abort'), expects('client', 'close')), 'client', 'FIN') },
];

describe('misconceptions recognised from wrong moves', () => {
  for (const c of CASES) {
    it(`names "${c.id}" when ${c.does}`, () => {
      const move = c.move();
      expect(move.verdict === 'wrongCard' || move.verdict === 'wrongNumbers').toBe(true);
      expect(misconceptionOf(move)).toBe(c.id);
    });
  }

  it('has a real-play case for every misconception', () => {
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(MISCONCEPTIONS));
  });

  it('finds none in right play: steady players through every scenario, with flags and with numbers', () => {
    let moves = 0;
    for (const scenario of SCENARIO_LIST) {
      for (const difficulty of ['flags', 'numbers'] as const) {
        const { state } = playOut(start(scenario.id, difficulty), { client: STEADY_BOT, server: STEADY_BOT });
        moves += state.moves.length;
        expect(state.moves.filter((m) => misconceptionOf(m) !== null), `${scenario.id} ${difficulty}`).toEqual([]);
      }
    }
    expect(moves).toBeGreaterThan(100);
  });

  it('does not read slowness as a misconception: a missed deadline names none', () => {
    const s = playUntil(start('handshake'), expects('server', 'answerSyn'));
    const deadline = s.endpoints.server.deadlineAt ?? 0;
    const missed = judged(run(s, { kind: 'tick', now: deadline + 1 }).events).find((m) => m.verdict === 'missedDeadline');
    expect(missed?.skill).toBe('answerSyn');
    expect(missed && misconceptionOf(missed)).toBeNull();
  });

  it('counts moves and students per misconception, most widespread first', () => {
    const ack = CASES[0]!.move();
    const early = CASES[7]!.move();
    expect(misconceptionCounts([[ack, ack, early], [early]])).toEqual([
      { id: 'resendTooEarly', count: 2, students: 2 },
      { id: 'plainAckForSyn', count: 2, students: 1 },
    ]);
  });

  it('says what to reteach for each misconception in three languages', () => {
    for (const id of MISCONCEPTIONS) {
      for (const locale of LOCALES) {
        const text = misconceptionText(id, locale);
        expect(text.name.length, `${id} ${locale}`).toBeGreaterThan(4);
        expect(text.reteach.length, `${id} ${locale}`).toBeGreaterThan(20);
      }
      // A Chinese text that is the English one would be a missing translation.
      expect(misconceptionText(id, 'zh-Hant').reteach).not.toBe(misconceptionText(id, 'en').reteach);
    }
    expect(misconceptionText('finClosesBoth', 'zh-Hant').reteach).toContain('區段');
    expect(misconceptionText('finClosesBoth', 'zh-Hans').reteach).toContain('报文段');
  });
});
