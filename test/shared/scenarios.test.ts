import { describe, expect, it } from 'vitest';
import { createMatch } from '../../shared/match/engine.ts';
import { makeSettings, type Difficulty } from '../../shared/match/settings.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import { SCENARIOS, SCENARIO_LIST } from '../../shared/scenarios/catalogue.ts';
import type { BotConfig } from '../../shared/bots/bot.ts';

const quick: BotConfig = { reactionMs: 300, errorRate: 0 };
const slow: BotConfig = { reactionMs: 2000, errorRate: 0 };

describe('the scenario catalogue', () => {
  it('has the thirteen scenarios of DESIGN.md §4 and the five of issue 16', () => {
    expect(SCENARIO_LIST).toHaveLength(18);
  });

  for (const scenario of SCENARIO_LIST) {
    for (const [name, bots] of [
      ['a quick client and a slow server', { client: quick, server: slow }],
      ['a slow client and a quick server', { client: slow, server: quick }],
    ] as const) {
      for (const difficulty of ['flags', 'numbers'] as Difficulty[]) {
        it(`${scenario.id}: two bots reach the goal (${name}, ${difficulty})`, () => {
          const start = createMatch({ scenarioId: scenario.id, settings: makeSettings({ difficulty }), seed: 7, now: 0 });
          const { state, events } = playOut(start, bots);
          expect(state.status).toBe('won');
          expect(state.endpoints.client.tcb.state).toBe(scenario.goal.client);
          expect(state.endpoints.server.tcb.state).toBe(scenario.goal.server);
          expect(state.moves.every((m) => m.verdict === 'correct')).toBe(true);
          const drops = scenario.network.filter((n) => n.kind === 'drop').length;
          expect(events.filter((e) => e.type === 'segmentLost')).toHaveLength(drops);
        });
      }
    }
  }

  it('re-ACKs the FIN that comes again in TIME-WAIT, and the timer restarts', () => {
    const start = createMatch({ scenarioId: 'lost-last-ack', settings: makeSettings(), seed: 3, now: 0 });
    const { state, events } = playOut(start, { client: quick, server: quick });
    const fins = state.wire.filter((w) => w.from === 'server' && w.card === 'FIN');
    expect(fins).toHaveLength(2);
    const again = fins[1]!;
    expect(again.why).toBe('why.finAgainInTimeWait');
    const clientMoves = state.moves.filter((m) => m.role === 'client');
    expect(clientMoves.at(-1)).toMatchObject({ card: 'ACK', skill: 'reAck', verdict: 'correct' });
    const over = events.find((e) => e.type === 'timeWaitOver' && e.role === 'client');
    expect(over?.at).toBe((again.arriveAt ?? 0) + 2 * state.settings.timing.mslMs);
  });

  it('shows the old duplicate SYN refused by RST before the real handshake', () => {
    const start = createMatch({ scenarioId: 'old-duplicate-syn', settings: makeSettings(), seed: 5, now: 0 });
    const { state } = playOut(start, { client: quick, server: quick });
    expect(state.wire.map((w) => `${w.from}:${w.card}${w.old ? '(old)' : ''}`)).toEqual([
      'client:SYN(old)', 'client:SYN', 'server:SYN+ACK', 'client:RST', 'server:SYN+ACK', 'client:ACK',
    ]);
    const serverStates = state.stateLog.filter((l) => l.role === 'server').map((l) => l.state);
    expect(serverStates).toEqual(['LISTEN', 'SYN-RECEIVED', 'LISTEN', 'SYN-RECEIVED', 'ESTABLISHED']);
  });

  it('makes the SYNs of a simultaneous open cross', () => {
    const start = createMatch({ scenarioId: 'simultaneous-open', settings: makeSettings(), seed: 5, now: 0 });
    const { state } = playOut(start, { client: quick, server: slow });
    const log = state.stateLog.map((l) => `${l.role}:${l.state}`);
    expect(log).toContain('client:SYN-RECEIVED');
    expect(log).toContain('server:SYN-RECEIVED');
    expect(SCENARIOS['simultaneous-open'].goal).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
  });

  it('passes both sides through CLOSING in a simultaneous close', () => {
    const start = createMatch({ scenarioId: 'simultaneous-close', settings: makeSettings(), seed: 5, now: 0 });
    const { state } = playOut(start, { client: slow, server: quick });
    const log = state.stateLog.map((l) => `${l.role}:${l.state}`);
    expect(log).toEqual(expect.arrayContaining(['client:CLOSING', 'server:CLOSING', 'client:TIME-WAIT', 'server:TIME-WAIT']));
  });

  it('recovers from random loss in Expert', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const start = createMatch({ scenarioId: 'whole-life', settings: makeSettings({ difficulty: 'expert', lossRate: 0.2 }), seed, now: 0 });
      const { state } = playOut(start, { client: quick, server: quick });
      expect(state.status, `seed ${seed}`).toBe('won');
    }
  });
});
