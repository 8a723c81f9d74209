import { describe, expect, it } from 'vitest';
import { botDecision, type BotConfig } from '../../shared/bots/bot.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import { ROLES, type Card, type Role } from '../../shared/match/cards.ts';
import { createMatch, nextWakeAt, step } from '../../shared/match/engine.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import { SCORING } from '../../shared/match/scoring.ts';
import { STALE_GRACE_MS } from '../../shared/match/stale.ts';
import type { MatchState, MoveRecord } from '../../shared/match/types.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';

const BASICS: readonly ScenarioId[] = ['handshake', 'client-close', 'server-close', 'whole-life'];

function start(scenarioId: ScenarioId): MatchState {
  return createMatch({ scenarioId, settings: makeSettings({ difficulty: 'flags' }), seed: 7, now: 0 });
}

/** Plays `card` for `role` at `now` (time catching up first) and returns the new state and the verdict. */
function play(state: MatchState, role: Role, card: Card, now: number): { state: MatchState; move: MoveRecord } {
  const r = step(state, { kind: 'play', now, role, card });
  const judged = r.events.find((e) => e.type === 'moveJudged');
  if (!judged || judged.type !== 'moveJudged') throw new Error(`no verdict for ${role} ${card} at ${now}`);
  return { state: r.state, move: judged.move };
}


describe('a card is judged against what the player could see', () => {
  /** whole-life at 800 ms one way, its handshake played: established at 1800 (client) and 2800 (server). */
  function established(): MatchState {
    let s = start('whole-life');
    s = play(s, 'client', 'SYN', 0).state;
    s = play(s, 'server', 'SYN+ACK', 1000).state;
    return play(s, 'client', 'ACK', 2000).state;
  }

  /** The server's DATA, sent at 3000, lands at 3800. */
  function peerDataLanding(): MatchState {
    const s = play(established(), 'server', 'DATA', 3000).state;
    expect(expectationFor(s, 'client')?.cards).toEqual(['DATA']);
    return s;
  }

  it('does not charge the hinted DATA that crossed the peer\'s DATA: stale, not sent, streak kept', () => {
    const s = peerDataLanding();
    const { state, move } = play(s, 'client', 'DATA', 3800 + 200);
    expect(move).toMatchObject({ verdict: 'stale', points: 0, why: 'stale.DATA', expected: ['DATA'] });
    expect(state.wire.filter((w) => w.from === 'client' && w.card === 'DATA')).toEqual([]);
    expect(state.scores.client).toMatchObject({ points: s.scores.client.points, streak: 2, mistakes: 0 });
    // The ACK the arrival called for then continues the streak.
    const after = play(state, 'client', 'ACK', 4300);
    expect(after.move.verdict).toBe('correct');
    expect(after.state.scores.client.streak).toBe(3);
  });

  it('charges the old card once the grace after the arrival is over', () => {
    const { move } = play(peerDataLanding(), 'client', 'DATA', 3800 + STALE_GRACE_MS + 1);
    expect(move).toMatchObject({ verdict: 'wrongCard', points: SCORING.wrongCard });
  });

  /** whole-life, rto 4 s: the client's two DATA go unacknowledged; at 6250 its timer fires and FIN gives way to DATA again. */
  function rtoFiring(): MatchState {
    let s = play(established(), 'client', 'DATA', 2250).state;
    s = play(s, 'client', 'DATA', 2500).state;
    s = step(s, { kind: 'tick', now: 6000 }).state;
    expect(expectationFor(s, 'client')?.cards).toContain('FIN');
    return s;
  }

  it('does not charge the hinted FIN that crossed the player\'s own retransmission timer: stale, with its own reason', () => {
    const { state, move } = play(rtoFiring(), 'client', 'FIN', 2250 + 4000 + 200);
    expect(move).toMatchObject({ verdict: 'stale', points: 0, why: 'stale.rto', expected: ['FIN', 'FIN+ACK'] });
    expect(state.endpoints.client.mustRetransmit).toBe('DATA');
    expect(play(rtoFiring(), 'client', 'FIN', 2250 + 4000 + STALE_GRACE_MS + 1).move.verdict).toBe('wrongCard');
  });
});

/** Plays bots in both seats, except that no one ever plays `never` (a person who does not think of it). */
function playWithout(state: MatchState, bots: Record<Role, BotConfig>, never: Card): MatchState {
  let s = state;
  for (let i = 0; i < 1000 && s.status === 'playing'; i++) {
    const decisions = ROLES.map((role) => botDecision(s, role, bots[role])).filter((d) => d !== null && d.input.card !== never);
    const next = decisions.sort((a, b) => a!.at - b!.at)[0];
    const wake = nextWakeAt(s)!;
    s = step(s, next && next.at < wake ? next.input : { kind: 'tick', now: wake }).state;
  }
  return s;
}

describe('a round ends when its goal is reached', () => {
  it('wins a close whose retransmitted FIN crossed the last ACK, with no RST asked of the CLOSED side', () => {
    // The client answers the server's FIN after its RTO fired: the resent FIN crosses the last
    // ACK, TIME-WAIT re-ACKs it, and that ACK reaches a server that is already CLOSED.
    const bots = { client: { reactionMs: 3500, errorRate: 0 }, server: { reactionMs: 1000, errorRate: 0 } };
    const s = playWithout(start('client-close'), bots, 'RST');
    expect(s.moves.some((m) => m.role === 'server' && m.skill === 'retransmit')).toBe(true);
    expect(s.moves.filter((m) => m.role === 'client' && m.card === 'ACK')).toHaveLength(2);
    expect(s.status).toBe('won');
    expect(s.moves.filter((m) => m.verdict === 'missedDeadline')).toEqual([]);
  });
});

describe('points for the two roles are comparable whatever the partner\'s speed', () => {
  // The slow one answers after its partner's RTO (4 s) has fired, less a round trip (1.6 s),
  // and well inside its own deadline (6 s): every retransmission is the partner's slowness.
  const fast: BotConfig = { reactionMs: 1000, errorRate: 0 };
  const slow: BotConfig = { reactionMs: 3500, errorRate: 0 };
  /** The margin README's Scoring section states. */
  const MARGIN = 0.25;

  it(`keeps a fast and a slow perfect player within ${MARGIN * 100} % over the basics in both seat orders`, () => {
    const totals = { fast: 0, slow: 0 };
    for (const scenarioId of BASICS) {
      for (const slowRole of ROLES) {
        const fastRole = slowRole === 'client' ? 'server' : 'client';
        const { state } = playOut(start(scenarioId), { [slowRole]: slow, [fastRole]: fast });
        expect(state.status, `${scenarioId}, slow ${slowRole}`).toBe('won');
        expect(state.moves.every((m) => m.verdict === 'correct')).toBe(true);
        totals.fast += state.scores[fastRole].points;
        totals.slow += state.scores[slowRole].points;
      }
    }
    const [low, high] = [Math.min(totals.fast, totals.slow), Math.max(totals.fast, totals.slow)];
    expect(low / high, JSON.stringify(totals)).toBeGreaterThanOrEqual(1 - MARGIN);
  });

  it('pays nothing for resending a segment that was not lost, and keeps the streak as it was', () => {
    const { state } = playOut(start('handshake'), { client: fast, server: slow });
    const resend = state.moves.find((m) => m.role === 'client' && m.skill === 'retransmit');
    expect(resend).toMatchObject({ verdict: 'correct', points: SCORING.unneededRetransmit, why: 'why.unneededRetransmit' });
    expect(state.scores.client.streak).toBe(2);
  });

  it('still pays for resending a segment that really was lost', () => {
    const { state } = playOut(start('lost-syn'), { client: fast, server: fast });
    const resend = state.moves.find((m) => m.role === 'client' && m.skill === 'retransmit');
    expect(resend?.verdict).toBe('correct');
    expect(resend!.points).toBeGreaterThan(SCORING.base);
  });

  it('pays for resending a SYN whose answer was lost', () => {
    const { state } = playOut(start('lost-syn-ack'), { client: fast, server: fast });
    const resend = state.moves.find((m) => m.role === 'client' && m.skill === 'retransmit');
    expect(resend!.points).toBeGreaterThan(SCORING.base);
  });
});
