import { describe, expect, it } from 'vitest';
import { Decoder, Encoder } from '@colyseus/schema';
import { toRoomView } from '../../client/net/roomView.ts';
import { projectMatch } from '../../server/rooms/projection.ts';
import { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import { CARDS, ROLES, type Card } from '../../shared/match/cards.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import { toMoveView } from '../../shared/match/moveView.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import type { MatchInput, MatchState } from '../../shared/match/types.ts';
import type { PairRoomView, StateLogView } from '../../shared/protocol.ts';
import { SCENARIO_LIST } from '../../shared/scenarios/catalogue.ts';
import { hintCardsOf, hintCardsText, MOVE_RECORD, SEGMENT_RECORD, STATE_LOG_RECORD } from '../../shared/stateRecords.ts';
import { normalizeFlags } from '../../shared/tcp/segment.ts';

/** The round's lists as the engine holds them, in the shapes a client reads. */
function engineLists(match: MatchState): Pick<PairRoomView, 'segments' | 'moves' | 'stateLog'> {
  return {
    segments: match.wire.map((w) => ({
      id: w.id, from: w.from, card: w.card, seq: w.segment.seq, ack: w.segment.ack, len: w.segment.len,
      flags: normalizeFlags(w.segment.flags).join(','), sentAt: w.sentAt, arriveAt: w.arriveAt ?? -1,
      status: w.status, old: w.old, why: w.why ?? '',
    })),
    moves: match.moves.map(toMoveView),
    stateLog: match.stateLog.map(({ at, role, state }) => ({ at, role, state })),
  };
}

describe('the round\'s records on the wire', () => {
  it('reach a client as the engine made them, patch after patch, a segment rewritten when it lands or is lost, the hint cards always the expected', () => {
    let segmentsRewritten = 0;
    let movesWithValues = 0;
    for (const scenario of SCENARIO_LIST) {
      // Bots that err often, at the difficulty with numbers, make every kind of move and text values.
      const start = createMatch({ scenarioId: scenario.id, settings: makeSettings({ difficulty: 'numbers' }), seed: 11, now: 0 });
      const played = playOut(start, { client: { reactionMs: 500, errorRate: 0.3 }, server: { reactionMs: 900, errorRate: 0.3 } }).inputs;
      // A wrong number before the first card: its text has values (`params`).
      const first = played.findIndex((i) => i.kind === 'play');
      const inputs = first < 0 ? played : played.toSpliced(first, 0, { ...played[first]!, seq: 7 } as MatchInput);
      const onServer = new PairRoomState({ mode: 'private', difficulty: 'numbers', speed: 'normal' });
      const encoder = new Encoder(onServer);
      const onClient = new PairRoomState({ mode: 'private', difficulty: 'numbers', speed: 'normal' });
      const decoder = new Decoder(onClient);
      decoder.decode(encoder.encodeAll());
      let match = start;
      for (const input of inputs) {
        const before = match;
        match = step(match, input).state;
        projectMatch(onServer, match);
        decoder.decode(encoder.encode());
        encoder.discardChanges();
        segmentsRewritten += match.wire.filter((w, i) => i < before.wire.length && w !== before.wire[i]).length;
        const seen = toRoomView(onClient);
        expect({ segments: seen.segments, moves: seen.moves, stateLog: seen.stateLog }, scenario.id).toEqual(engineLists(match));
        // Hint cards travel as one string; the client's view has the expected cards, in order.
        for (const role of ROLES) expect(seen.endpoints.get(role)!.hintCards, `${scenario.id} ${role}`).toEqual(expectationFor(match, role)?.cards ?? []);
      }
      movesWithValues += match.moves.filter((m) => Object.keys(m.params).length > 0).length;
    }
    expect(segmentsRewritten).toBeGreaterThan(SCENARIO_LIST.length);
    expect(movesWithValues).toBeGreaterThan(0);
  });

  it('encodes a record read field by field from another shape as it encodes the record itself', () => {
    type Source = { t: StateLogView['at']; who: StateLogView['role']; s: StateLogView['state'] };
    const fromSource = STATE_LOG_RECORD.encoderFrom<Source>({ at: (x) => x.t, role: (x) => x.who, state: (x) => x.s });
    expect(fromSource({ t: 5, who: 'server', s: 'LISTEN' })).toBe(STATE_LOG_RECORD.encode({ at: 5, role: 'server', state: 'LISTEN' }));
    // The codec's one array is filled afresh for each record: nothing of one leaks into the next.
    expect(STATE_LOG_RECORD.decode(fromSource({ t: 7, who: 'client', s: 'CLOSED' }))).toEqual({ at: 7, role: 'client', state: 'CLOSED' });
  });

  it('decodes only a record of its own kind', () => {
    const move = { at: 5, role: 'client', card: 'SYN', verdict: 'correct', why: 'why.x', points: 100, expected: ['SYN'], skill: 'open', state: 'CLOSED', segmentId: 1, hinted: false, params: {} } as const;
    expect(MOVE_RECORD.decode(MOVE_RECORD.encode(move))).toEqual(move);
    expect(() => MOVE_RECORD.decode(STATE_LOG_RECORD.encode({ at: 1, role: 'client', state: 'CLOSED' }))).toThrow(/not a move record/);
    expect(() => SEGMENT_RECORD.decode('{"id":1}')).toThrow(/not a segment record/);
    expect(() => STATE_LOG_RECORD.decode('not json')).toThrow();
  });

  it('sends hint cards as one string and reads back the same cards, in order', () => {
    // Every ordered choice of up to two different cards: a hint names one card, or the two FINs.
    const lists: Card[][] = [[], ...CARDS.map((c) => [c]), ...CARDS.flatMap((a) => CARDS.filter((b) => b !== a).map((b) => [a, b]))];
    for (const cards of lists) expect(hintCardsOf(hintCardsText(cards)), cards.join()).toEqual(cards);
    expect(hintCardsText([])).toBe('');
    expect(hintCardsText(['FIN', 'FIN+ACK'])).toBe('FIN FIN+ACK');
    // What is no card is left out rather than offered as one.
    expect(hintCardsOf('ACK PING  FIN')).toEqual(['ACK', 'FIN']);
  });
});
