import { describe, expect, it } from 'vitest';
import { playOut } from '../../shared/bots/playOut.ts';
import { STEADY_BOT } from '../../shared/bots/bot.ts';
import { toMoveView } from '../../shared/match/moveView.ts';
import { explainMove } from '../../shared/i18n/moveText.ts';
import { LOCALES } from '../../shared/i18n/messages.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { zhHant } from '../../shared/i18n/zh-Hant.ts';
import { CARDS, ROLES, type Card, type Role } from '../../shared/match/cards.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import { expectedSegment } from '../../shared/match/play.ts';
import { makeSettings, type Difficulty } from '../../shared/match/settings.ts';
import type { MatchInput, MatchState, MoveRecord } from '../../shared/match/types.ts';
import { SCENARIO_LIST } from '../../shared/scenarios/catalogue.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import { seqAdd } from '../../shared/tcp/sequence.ts';
import { REFUSALS } from '../../shared/tcp/table.ts';

function start(scenarioId: ScenarioId, difficulty: Difficulty = 'flags'): MatchState {
  return createMatch({ scenarioId, settings: makeSettings({ difficulty, lossRate: 0 }), seed: 11, now: 0 });
}

function run(state: MatchState, ...inputs: MatchInput[]): MatchState {
  return inputs.reduce((s, input) => step(s, input).state, state);
}

/** The move judged for `role` playing `card` now, with the numbers given (or the right ones). */
function judge(state: MatchState, role: Role, card: Card, numbers: { seq?: number; ack?: number } = {}): MoveRecord {
  const right = expectedSegment(state.endpoints[role], card);
  const events = step(state, { kind: 'play', now: state.now, role, card, seq: numbers.seq ?? right.seq, ack: numbers.ack ?? right.ack }).events;
  const move = events.flatMap((e) => (e.type === 'moveJudged' ? [e.move] : [])).at(-1);
  if (!move) throw new Error('no move judged');
  return move;
}

/** Every state a round passes through when steady bots play both sides. */
function statesOf(scenarioId: ScenarioId, difficulty: Difficulty): MatchState[] {
  const first = start(scenarioId, difficulty);
  const { inputs } = playOut(first, { client: STEADY_BOT, server: STEADY_BOT });
  const states = [first];
  for (const input of inputs) states.push(step(states.at(-1)!, input).state);
  return states.filter((s) => s.status === 'playing');
}

const SYN_SENT_EN = 'You are in SYN-SENT: you sent a SYN and are waiting for its acknowledgement, a SYN+ACK.';

describe('why a wrong card is wrong', () => {
  it('names the state and says why that card does not fit it: a FIN in SYN-SENT', () => {
    const s = run(start('handshake'), { kind: 'play', now: 100, role: 'client', card: 'SYN' });
    const move = judge(s, 'client', 'FIN');
    expect(move).toMatchObject({ verdict: 'wrongCard', state: 'SYN-SENT', why: 'wrong.finBeforeEstablished' });
    expect(explainMove(toMoveView(move), 'en')).toBe(`${SYN_SENT_EN} A FIN closes a connection; it is not possible before the connection is established.`);
    expect(explainMove(toMoveView(move), 'zh-Hant')).toContain('你處於 SYN-SENT');
    expect(explainMove(toMoveView(move), 'zh-Hans')).toContain('你处于 SYN-SENT');
  });

  it('names the segment that arrived and is still unanswered', () => {
    const s = run(start('handshake'), { kind: 'play', now: 0, role: 'client', card: 'SYN' }, { kind: 'tick', now: 1000 });
    expect(s.endpoints.server.tcb.state).toBe('SYN-RECEIVED');
    // RST is a legal send in SYN-RECEIVED; what is wrong is leaving the SYN without its SYN+ACK.
    const rst = judge(s, 'server', 'RST');
    expect(rst.why).toBe('wrong.synUnanswered');
    expect(explainMove(toMoveView(rst), 'en')).toMatch(/^You are in SYN-RECEIVED: a SYN arrived.*The SYN that arrived waits for its answer, a SYN\+ACK.*RST does not answer it\.$/);
    // A plain ACK is legal in SYN-RECEIVED only as a challenge ACK (RFC 5961): it does not answer a SYN.
    expect(judge(s, 'server', 'ACK').why).toBe('wrong.ackWithoutSyn');
  });

  it('says the SYN+ACK that arrived still needs its ACK when another legal card is played', () => {
    const s = run(start('handshake'),
      { kind: 'play', now: 0, role: 'client', card: 'SYN' }, { kind: 'tick', now: 1000 },
      { kind: 'play', now: 1000, role: 'server', card: 'SYN+ACK' }, { kind: 'tick', now: 2000 });
    expect(s.endpoints.client.tcb.state).toBe('ESTABLISHED');
    expect(judge(s, 'client', 'FIN').why).toBe('wrong.synAckUnacked');
  });

  it('never answers with the hint of what to do, and every explanation is complete in three languages', () => {
    let checked = 0;
    for (const scenario of SCENARIO_LIST) {
      for (const s of statesOf(scenario.id, 'flags')) {
        for (const role of ROLES) {
          const right = expectationFor(s, role)?.cards ?? [];
          for (const card of CARDS.filter((c) => !right.includes(c))) {
            const move = judge(s, role, card);
            // The card the state asked for a moment ago is stale, not wrong (stale.ts; fairness.test.ts).
            if (move.verdict === 'stale') continue;
            expect(move.verdict, `${scenario.id} ${role} ${card}`).toBe('wrongCard');
            expect(move.why, `${scenario.id} ${role} ${card} in ${move.state}`).toMatch(/^(wrong|mistake)\./);
            for (const locale of LOCALES) {
              const text = explainMove(toMoveView(move), locale);
              expect(text, `${locale} ${move.why}`).not.toMatch(/[{}]/);
              expect(text.startsWith(translate(locale, REFUSALS[move.state]))).toBe(true);
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('the arithmetic of a wrong number', () => {
  it('shows ack = ISN + 1 when a SYN is acknowledged with the wrong number', () => {
    const s0 = start('handshake', 'numbers');
    const isn = s0.endpoints.client.tcb.iss;
    const s = run(s0, { kind: 'play', now: 0, role: 'client', card: 'SYN', seq: isn }, { kind: 'tick', now: 1000 });
    const move = judge(s, 'server', 'SYN+ACK', { ack: isn });
    expect(move).toMatchObject({ verdict: 'wrongNumbers', why: 'mistake.ackAfterSyn', params: { expected: isn + 1, from: isn, len: 1, given: isn } });
    expect(explainMove(toMoveView(move), 'en')).toContain(`ack = ${isn} + 1 = ${isn + 1}, because a SYN takes one sequence number`);
    expect(explainMove(toMoveView(move), 'zh-Hant')).toContain(`ack = ${isn} + 1 = ${isn + 1}，因為 SYN 佔用一個序號`);
    expect(explainMove(toMoveView(move), 'zh-Hans')).toContain(`ack = ${isn} + 1 = ${isn + 1}，因为 SYN 占用一个序号`);
  });

  it('shows seq = ISN + 1 for the segment after the SYN', () => {
    const s0 = start('handshake', 'numbers');
    const isn = s0.endpoints.client.tcb.iss;
    const s = run(s0,
      { kind: 'play', now: 0, role: 'client', card: 'SYN', seq: isn }, { kind: 'tick', now: 1000 });
    const srv = s.endpoints.server.tcb;
    const s2 = run(s, { kind: 'play', now: 1000, role: 'server', card: 'SYN+ACK', seq: srv.iss, ack: isn + 1 }, { kind: 'tick', now: 2000 });
    const move = judge(s2, 'client', 'ACK', { seq: isn });
    expect(move).toMatchObject({ why: 'mistake.seqAfterSyn', params: { expected: isn + 1, from: isn, len: 1 } });
  });

  it('gives every wrong seq and ack a sum that adds up, in every scenario', () => {
    const kinds = new Set<string>();
    for (const scenario of SCENARIO_LIST) {
      for (const s of statesOf(scenario.id, 'numbers')) {
        for (const role of ROLES) {
          const card = expectationFor(s, role)?.cards[0];
          if (!card) continue;
          const right = expectedSegment(s.endpoints[role], card);
          const moves = [judge(s, role, card, { seq: right.seq + 1 })];
          if (right.flags.includes('ACK')) moves.push(judge(s, role, card, { ack: right.ack + 1 }));
          for (const move of moves) {
            expect(move.verdict).toBe('wrongNumbers');
            kinds.add(move.why);
            const { from, len, expected } = move.params;
            if (from !== undefined) expect(seqAdd(from, len!), `${scenario.id} ${move.why}`).toBe(expected);
            for (const locale of LOCALES) expect(explainMove(toMoveView(move), locale)).not.toMatch(/[{}]/);
          }
        }
      }
    }
    // A SYN's, a FIN's and data's length each appear as the reason of some number.
    expect([...kinds]).toEqual(expect.arrayContaining(['mistake.ackAfterSyn', 'mistake.ackAfterFin', 'mistake.ackAfterData', 'mistake.seqAfterSyn', 'mistake.seqIsIss']));
    expect(kinds.has('mistake.wrongSeq') || kinds.has('mistake.wrongAck'), [...kinds].join(' ')).toBe(false);
  });
});

describe('the texts about states', () => {
  it('say the state by state and segment, never by role', () => {
    for (const locale of LOCALES) {
      for (const key of ['refuse.synSent', 'refuse.synReceived', 'refuse.listen', 'why.resetToListen', 'why.synSentBadAck'] as const) {
        expect(translate(locale, key), `${locale} ${key}`).not.toMatch(/client|server|用戶端|伺服器|客户端|服务器/i);
      }
    }
    expect(translate('en', 'why.synSentBadAck')).not.toMatch(/never sent/);
  });

  it('call a TCP segment 區段 in Traditional Chinese', () => {
    expect(Object.values(zhHant).filter((text) => text.includes('封包'))).toEqual([]);
    for (const key of ['why.rstAnswers', 'why.ignored', 'hint.retransmit', 'skill.reAck'] as const) expect(translate('zh-Hant', key)).toContain('區段');
  });
});
