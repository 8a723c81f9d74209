import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARDS, ROLES } from '../../shared/match/cards.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import { DIFFICULTIES, makeSettings } from '../../shared/match/settings.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import { FLAGS, flagsText } from '../../shared/tcp/segment.ts';
import { seqDiff } from '../../shared/tcp/sequence.ts';
import { isTcpState } from '../../shared/tcp/states.ts';
import type { MatchInput, MatchState } from '../../shared/match/types.ts';

/** A random input as an offset in time, so that sequences stay ordered. */
const inputArb = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), dt: fc.integer({ min: 0, max: 4000 }) }),
  fc.record({
    kind: fc.constant('play' as const),
    dt: fc.integer({ min: 0, max: 3000 }),
    role: fc.constantFrom(...ROLES),
    card: fc.constantFrom(...CARDS),
    seq: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
    ack: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  }),
);

const roundArb = fc.record({
  scenarioId: fc.constantFrom(...SCENARIO_IDS),
  difficulty: fc.constantFrom(...DIFFICULTIES),
  lossRate: fc.constantFrom(0, 0.1, 0.3),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  inputs: fc.array(inputArb, { maxLength: 60 }),
});

/** Runs the inputs and calls `check(before, after, events)` on every step. */
type Round = typeof roundArb extends fc.Arbitrary<infer T> ? T : never;

function replay(round: Round, check: (before: MatchState, after: MatchState, events: ReturnType<typeof step>['events']) => void) {
  let state = createMatch({ scenarioId: round.scenarioId, settings: makeSettings(round), seed: round.seed, now: 0 });
  let now = 0;
  for (const i of round.inputs) {
    now += i.dt;
    const input: MatchInput = i.kind === 'tick' ? { kind: 'tick', now } : { kind: 'play', now, role: i.role, card: i.card, seq: i.seq, ack: i.ack };
    const r = step(state, input);
    check(state, r.state, r.events);
    state = r.state;
  }
}

describe('the engine under random play', () => {
  it('never throws and keeps every endpoint in an RFC 9293 state', () => {
    fc.assert(
      fc.property(roundArb, (round) => {
        replay(round, (_b, after) => {
          for (const role of ROLES) expect(isTcpState(after.endpoints[role].tcb.state)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never moves sequence numbers backwards within a connection', () => {
    fc.assert(
      fc.property(roundArb, (round) => {
        replay(round, (before, after) => {
          for (const role of ROLES) {
            const a = before.endpoints[role].tcb;
            const b = after.endpoints[role].tcb;
            // A reset or a finished connection starts a new incarnation with new numbers.
            if (b.state === 'CLOSED' || b.state === 'LISTEN' || a.state === 'LISTEN' || a.state === 'CLOSED') continue;
            if (a.state === 'SYN-SENT' && b.state !== 'SYN-SENT') continue; // RCV.NXT is first set here
            expect(seqDiff(a.sndNxt, b.sndNxt)).toBeGreaterThanOrEqual(0);
            expect(seqDiff(a.sndUna, b.sndUna)).toBeGreaterThanOrEqual(0);
            expect(seqDiff(a.rcvNxt, b.rcvNxt)).toBeGreaterThanOrEqual(0);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('changes a score only by the points of the moves judged in that step', () => {
    fc.assert(
      fc.property(roundArb, (round) => {
        replay(round, (before, after, events) => {
          for (const role of ROLES) {
            const moves = events.flatMap((e) => (e.type === 'moveJudged' && e.move.role === role ? [e.move] : []));
            const delta = after.scores[role].points - before.scores[role].points;
            expect(delta).toBe(moves.reduce((sum, m) => sum + m.points, 0));
            expect(after.scores[role].correct - before.scores[role].correct).toBe(moves.filter((m) => m.verdict === 'correct').length);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sends only the cards it judged correct', () => {
    fc.assert(
      fc.property(roundArb, (round) => {
        replay(round, (before, after, events) => {
          const sent = after.wire.length - before.wire.length;
          expect(sent).toBe(events.filter((e) => e.type === 'moveJudged' && e.move.verdict === 'correct').length);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('flags as text', () => {
  it('is the same text for every spelling of a set of flags, in FLAGS order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FLAGS), { maxLength: 6 }), (flags) => {
        expect(flagsText(flags)).toBe(FLAGS.filter((f) => flags.includes(f)).join(','));
        expect(flagsText([...flags].reverse())).toBe(flagsText(flags));
      }),
    );
  });
});
