import { describe, expect, it } from 'vitest';
import { createMatch, nextWakeAt, step } from '../../shared/match/engine.ts';
import { makeSettings, SPEEDS, timingFor } from '../../shared/match/settings.ts';
import { SCORING } from '../../shared/match/scoring.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { judged, run } from './engineDriver.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';

function start(scenarioId: ScenarioId, difficulty: 'flags' | 'numbers' | 'expert' = 'flags'): MatchState {
  return createMatch({ scenarioId, settings: makeSettings({ difficulty, lossRate: 0 }), seed: 11, now: 0 });
}

describe('the match engine', () => {
  it('sends a correct card and moves the sender on', () => {
    const { state, events } = run(start('handshake'), { kind: 'play', now: 500, role: 'client', card: 'SYN' });
    expect(state.endpoints.client.tcb.state).toBe('SYN-SENT');
    expect(state.wire).toHaveLength(1);
    expect(state.wire[0]).toMatchObject({ card: 'SYN', sentAt: 500, arriveAt: 500 + state.settings.timing.latencyMs });
    expect(judged(events)[0]).toMatchObject({ verdict: 'correct', why: 'why.activeOpen', skill: 'open' });
    expect(state.scores.client.points).toBeGreaterThan(SCORING.base);
  });

  it('gives a person two seconds to answer a segment before its sender\'s timer fires', () => {
    // Speed normal: the SYN takes a one-way latency, the server's player 2 s, the SYN+ACK the way back.
    const s0 = start('handshake');
    const { latencyMs } = s0.settings.timing;
    const answeredAt = latencyMs + 2000;
    const { state, events } = run(s0,
      { kind: 'play', now: 0, role: 'client', card: 'SYN' },
      { kind: 'tick', now: latencyMs },
      { kind: 'play', now: answeredAt, role: 'server', card: 'SYN+ACK' },
      { kind: 'tick', now: answeredAt + latencyMs });
    expect(events.filter((e) => e.type === 'rtoFired')).toEqual([]);
    expect(state.endpoints.client.tcb.state).toBe('ESTABLISHED');
  });

  it('times every speed for people: an answer fits before the RTO, and a resent FIN inside TIME-WAIT', () => {
    for (const speed of SPEEDS) {
      const { latencyMs, rtoMs, mslMs } = timingFor('flags', speed);
      // Time to answer a segment before its sender's timer fires: more than the server's bots take (1.2 s).
      expect(rtoMs - 2 * latencyMs, speed).toBeGreaterThan(1200);
      // A lost last ACK: the FIN's timer, two seconds to resend it, the way there, still in TIME-WAIT.
      expect(2 * mslMs, speed).toBeGreaterThan(rtoMs + 2000 + 2 * latencyMs);
    }
  });

  it('does not send a wrong card, charges for it and says why that card does not fit the state', () => {
    const s1 = run(start('handshake'), { kind: 'play', now: 100, role: 'client', card: 'SYN' }).state;
    const { state, events } = run(s1, { kind: 'play', now: 200, role: 'client', card: 'ACK' });
    const [move] = judged(events);
    expect(move).toMatchObject({ verdict: 'wrongCard', why: 'wrong.ackBeforeSyn', points: SCORING.wrongCard, state: 'SYN-SENT' });
    expect(state.wire).toHaveLength(1);
    expect(state.endpoints.client.tcb).toEqual(s1.endpoints.client.tcb);
    expect(state.scores.client.streak).toBe(0);
  });

  it('explains what a legal card would wrongly do when it is not the move, not what to do instead', () => {
    const { events } = run(start('client-close'), { kind: 'play', now: 100, role: 'client', card: 'DATA' });
    expect(judged(events)[0]).toMatchObject({ verdict: 'wrongCard', why: 'wrong.noMoreData', expected: ['FIN', 'FIN+ACK'] });
  });

  it('refuses a retransmission before the timer fires', () => {
    const s = run(start('lost-syn'), { kind: 'play', now: 100, role: 'client', card: 'SYN' }, { kind: 'tick', now: 1000 }).state;
    expect(s.wire[0]?.status).toBe('lost');
    const { events } = run(s, { kind: 'play', now: 1200, role: 'client', card: 'SYN' });
    expect(judged(events)[0]).toMatchObject({ verdict: 'wrongCard', why: 'mistake.waitForRto' });
  });

  it('loses a scripted segment halfway and asks for the retransmission when the RTO fires', () => {
    const settings = makeSettings();
    const s = run(start('lost-syn'), { kind: 'play', now: 0, role: 'client', card: 'SYN' }).state;
    const { state, events } = run(s, { kind: 'tick', now: settings.timing.rtoMs });
    expect(events).toContainEqual({ type: 'segmentLost', at: settings.timing.latencyMs / 2, id: 1 });
    expect(events).toContainEqual({ type: 'rtoFired', at: settings.timing.rtoMs, role: 'client', card: 'SYN' });
    expect(expectationFor(state, 'client')).toMatchObject({ cards: ['SYN'], skill: 'retransmit' });
    const again = run(state, { kind: 'play', now: settings.timing.rtoMs + 10, role: 'client', card: 'SYN' });
    expect(judged(again.events)[0]).toMatchObject({ verdict: 'correct', why: 'why.retransmitSyn' });
    expect(again.state.wire[1]?.segment.seq).toBe(state.wire[0]?.segment.seq);
  });

  it('checks seq and ack in the Numbers difficulty and gives the sum behind the right number', () => {
    const s = start('handshake', 'numbers');
    const isn = s.endpoints.client.tcb.iss;
    const wrongSeq = run(s, { kind: 'play', now: 10, role: 'client', card: 'SYN', seq: isn + 1 });
    expect(judged(wrongSeq.events)[0]).toMatchObject({ verdict: 'wrongNumbers', why: 'mistake.seqIsIss', params: { expected: isn, given: isn + 1 } });
    const latency = s.settings.timing.latencyMs;
    const s2 = run(s, { kind: 'play', now: 10, role: 'client', card: 'SYN', seq: isn }, { kind: 'tick', now: 10 + latency }).state;
    const srvIsn = s2.endpoints.server.tcb.iss;
    const wrongAck = run(s2, { kind: 'play', now: 20 + latency, role: 'server', card: 'SYN+ACK', seq: srvIsn, ack: isn });
    expect(judged(wrongAck.events)[0]).toMatchObject({
      verdict: 'wrongNumbers', why: 'mistake.ackAfterSyn', params: { expected: isn + 1, from: isn, len: 1, given: isn },
    });
    expect(wrongAck.state.wire).toHaveLength(1);
  });

  it('charges a missed deadline and starts a new one', () => {
    const s = start('handshake');
    const deadline = s.endpoints.client.deadlineAt ?? 0;
    expect(deadline).toBe(s.settings.timing.deadlineMs);
    const { state, events } = run(s, { kind: 'tick', now: deadline });
    expect(judged(events)[0]).toMatchObject({ verdict: 'missedDeadline', why: 'mistake.tooSlow', points: SCORING.missedDeadline });
    expect(state.endpoints.client.deadlineAt).toBe(deadline + s.settings.timing.deadlineMs);
    expect(state.endpoints.server.deadlineAt).toBeNull();
  });

  it('rewards speed and streaks', () => {
    const s = start('client-close');
    const fast = run(s, { kind: 'play', now: 0, role: 'client', card: 'FIN' }).state.scores.client.points;
    const slow = run(s, { kind: 'play', now: 5000, role: 'client', card: 'FIN' }).state.scores.client.points;
    expect(fast).toBe(SCORING.base + SCORING.speedBonusMax);
    expect(slow).toBeLessThan(fast);
  });

  it('refuses time going backwards and plays after the round', () => {
    const s = run(start('handshake'), { kind: 'tick', now: 1000 }).state;
    expect(step(s, { kind: 'tick', now: 999 }).events).toEqual([{ type: 'inputRefused', at: 1000, code: 'timeWentBack' }]);
    const over = run(s, { kind: 'tick', now: s.endsAt }).state;
    expect(over.status).toBe('timeUp');
    expect(step(over, { kind: 'play', now: over.endsAt + 1, role: 'client', card: 'SYN' }).events[0]).toMatchObject({ code: 'roundOver' });
  });

  it('reports the next time something is due', () => {
    const s = run(start('handshake'), { kind: 'play', now: 100, role: 'client', card: 'SYN' }).state;
    expect(nextWakeAt(s)).toBe(100 + s.settings.timing.latencyMs);
  });
});
