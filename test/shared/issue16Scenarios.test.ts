import { describe, expect, it } from 'vitest';
import { createMatch, step } from '../../shared/match/engine.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import type { WireSegment } from '../../shared/match/types.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import type { BotConfig } from '../../shared/bots/bot.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import { seqAdd } from '../../shared/tcp/sequence.ts';

const quick: BotConfig = { reactionMs: 300, errorRate: 0 };
const slow: BotConfig = { reactionMs: 2000, errorRate: 0 };
const SEATINGS = [['quick client, slow server', { client: quick, server: slow }], ['slow client, quick server', { client: slow, server: quick }], ['two quick bots', { client: quick, server: quick }]] as const;

function play(id: ScenarioId, bots: { client: BotConfig; server: BotConfig }, difficulty: 'flags' | 'numbers' = 'numbers') {
  return playOut(createMatch({ scenarioId: id, settings: makeSettings({ difficulty }), seed: 11, now: 0 }), bots);
}

describe('the scenarios of issue 16', () => {
  for (const [name, bots] of SEATINGS) {
    it(`lost-data: the DATA is resent from the same number after the RTO and ACKed (${name})`, () => {
      const { state, events } = play('lost-data', bots);
      expect(state.status).toBe('won');
      const datas = state.wire.filter((w) => w.from === 'client' && w.card === 'DATA');
      expect(datas.map((w) => w.status)).toEqual(['lost', 'delivered']);
      expect(datas[1]!.segment.seq).toBe(datas[0]!.segment.seq);
      expect(events.some((e) => e.type === 'rtoFired' && e.role === 'client' && e.card === 'DATA')).toBe(true);
      const ack = state.wire.findLast((w) => w.from === 'server' && w.card === 'ACK');
      expect(ack?.segment.ack).toBe(seqAdd(datas[0]!.segment.seq, 100));
      expect(state.moves.find((m) => m.role === 'client' && m.skill === 'retransmit')).toMatchObject({ card: 'DATA', verdict: 'correct' });
    });

    it(`half-close: the server sends in CLOSE-WAIT and the client ACKs in FIN-WAIT-2 (${name})`, () => {
      const { state } = play('half-close', bots);
      expect(state.status).toBe('won');
      const serverData = state.moves.filter((m) => m.role === 'server' && m.card === 'DATA');
      expect(serverData).toHaveLength(2);
      expect(serverData.every((m) => m.state === 'CLOSE-WAIT' && m.verdict === 'correct')).toBe(true);
      expect(state.moves.some((m) => m.role === 'client' && m.card === 'ACK' && m.state === 'FIN-WAIT-2' && m.skill === 'ackData')).toBe(true);
      expect(state.stateLog.filter((l) => l.role === 'client').map((l) => l.state)).toEqual(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    });

    it(`out-of-order: the second DATA arrives first and is held; the last ACK covers both (${name})`, () => {
      const { state } = play('out-of-order', bots);
      expect(state.status).toBe('won');
      const [first, second] = state.wire.filter((w) => w.from === 'client' && w.card === 'DATA');
      expect(second!.arriveAt!).toBeLessThan(first!.arriveAt!);
      expect(second!.why).toBe('why.earlyHeld');
      expect(first!.why).toBe('why.dataArrives');
      const acks = state.wire.filter((w) => w.from === 'server' && w.card === 'ACK');
      expect(acks.at(-1)!.segment.ack).toBe(seqAdd(first!.segment.seq, 200));
      // An ACK sent before the gap filled names the first missing byte, not the early segment's end.
      for (const a of acks.filter((x) => x.sentAt < first!.arriveAt!)) expect(a.segment.ack).toBe(first!.segment.seq);
    });

    it(`old-segment-time-wait: the delayed DATA is resent, and the original dies in TIME-WAIT (${name})`, () => {
      const { state } = play('old-segment-time-wait', bots);
      expect(state.status).toBe('won');
      const datas = state.wire.filter((w) => w.from === 'server' && w.card === 'DATA');
      expect(datas).toHaveLength(2);
      const original = datas[0]!;
      expect(original).toMatchObject({ status: 'discarded', why: 'why.oldInTimeWait' });
      const inTimeWait = state.stateLog.find((l) => l.role === 'client' && l.state === 'TIME-WAIT')!;
      expect(original.arriveAt!).toBeGreaterThan(inTimeWait.at);
      // The resend came from LAST-ACK or CLOSE-WAIT: data before a FIN may go again after it (§3.10.8).
      const resend = state.moves.find((m) => m.role === 'server' && m.skill === 'retransmit')!;
      expect(resend).toMatchObject({ card: 'DATA', verdict: 'correct' });
      expect(resend.points).toBeGreaterThan(0);
    });

    it(`abort: RST, and the peer goes straight to CLOSED without TIME-WAIT (${name})`, () => {
      const { state } = play('abort', bots);
      expect(state.status).toBe('won');
      expect(state.wire.map((w) => `${w.from}:${w.card}`)).toEqual(['client:RST']);
      expect(state.stateLog.filter((l) => l.role === 'server').map((l) => l.state)).toEqual(['ESTABLISHED', 'CLOSED']);
      expect(state.stateLog.some((l) => l.state === 'TIME-WAIT')).toBe(false);
    });
  }

  it('resends lost data from LAST-ACK, behind the FIN that followed it', () => {
    const { state } = play('old-segment-time-wait', { client: quick, server: quick });
    expect(state.moves.find((m) => m.role === 'server' && m.skill === 'retransmit')).toMatchObject({ card: 'DATA', state: 'LAST-ACK' });
  });

  it('lets a FIN follow data that is not yet acknowledged', () => {
    const { state } = play('old-segment-time-wait', { client: slow, server: quick });
    const fin = state.wire.find((w) => w.from === 'server' && (w.card === 'FIN' || w.card === 'FIN+ACK'))!;
    const data = state.wire.find((w) => w.from === 'server' && w.card === 'DATA')!;
    // The first ACK that covers the data came only after the FIN was sent: no stop-and-wait.
    const covers = [fin.segment.seq, seqAdd(fin.segment.seq, 1)];
    const ackOfData = state.wire.find((w) => w.from === 'client' && w.card === 'ACK' && covers.includes(w.segment.ack))!;
    expect(fin.segment.seq).toBe(seqAdd(data.segment.seq, 100));
    expect(fin.sentAt).toBeLessThan(ackOfData.arriveAt!);
    expect(state.moves.find((m) => m.role === 'server' && m.card === fin.card)).toMatchObject({ verdict: 'correct' });
  });

  it('SYN-RECEIVED answers an in-window RST at the wrong number with a plain challenge ACK, a right move', () => {
    let s = createMatch({ scenarioId: 'handshake', settings: makeSettings(), seed: 3, now: 0 });
    s = step(s, { kind: 'play', now: 0, role: 'client', card: 'SYN' }).state;
    s = step(s, { kind: 'play', now: 1100, role: 'server', card: 'SYN+ACK' }).state;
    const srv = s.endpoints.server.tcb;
    expect(srv.state).toBe('SYN-RECEIVED');
    // A forged RST inside the window, 50 past RCV.NXT (RFC 5961 §3.2), lands before the SYN+ACK's answer.
    const forged: WireSegment = {
      id: s.wire.length + 1, from: 'client', card: 'RST', segment: { seq: seqAdd(srv.rcvNxt, 50), ack: 0, flags: ['RST'], len: 0 },
      sentAt: 1100, arriveAt: 1200, status: 'flying', willBeLost: false, heldFor: null, old: true, why: null,
    };
    s = step({ ...s, wire: [...s.wire, forged] }, { kind: 'tick', now: 1200 }).state;
    expect(s.endpoints.server.tcb.state).toBe('SYN-RECEIVED');
    expect(s.wire.find((w) => w.id === forged.id)).toMatchObject({ status: 'discarded', why: 'why.challengeRst' });
    expect(expectationFor(s, 'server')).toMatchObject({ cards: ['ACK'], hint: 'hint.challengeAck' });
    const r = step(s, { kind: 'play', now: 1300, role: 'server', card: 'ACK' });
    expect(r.state.moves.at(-1)).toMatchObject({ verdict: 'correct', card: 'ACK', state: 'SYN-RECEIVED' });
    expect(r.state.wire.at(-1)!.segment).toMatchObject({ seq: seqAdd(srv.iss, 1), ack: srv.rcvNxt, flags: ['ACK'] });
  });

  it('plays out-of-order, lost-data and abort to the goal through random loss in Expert', () => {
    for (const id of ['out-of-order', 'lost-data', 'abort'] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const start = createMatch({ scenarioId: id, settings: makeSettings({ difficulty: 'expert', lossRate: 0.2 }), seed, now: 0 });
        expect(playOut(start, { client: quick, server: slow }).state.status, `${id} seed ${seed}`).toBe('won');
      }
    }
  });

  it('explains a FIN played where the application aborts: an abort is an RST', () => {
    const s = createMatch({ scenarioId: 'abort', settings: makeSettings(), seed: 2, now: 0 });
    const r = step(s, { kind: 'play', now: 500, role: 'client', card: 'FIN' });
    expect(r.state.moves.at(-1)).toMatchObject({ verdict: 'wrongCard', why: 'wrong.finNotAbort', state: 'ESTABLISHED' });
    expect(r.state.wire).toHaveLength(0);
  });

  it('holds a FIN+ACK as it holds a FIN: the half-close waits for the ACK of data whichever card closes', () => {
    let s = createMatch({ scenarioId: 'half-close', settings: makeSettings(), seed: 4, now: 0 });
    const play = (role: 'client' | 'server', card: 'FIN' | 'FIN+ACK' | 'ACK' | 'DATA'): void => {
      const at = Math.max(s.now, s.endpoints[role].expectedSince ?? s.now) + 100;
      s = step(s, { kind: 'play', now: at, role, card }).state;
      expect(s.moves.at(-1), `${role} ${card}`).toMatchObject({ verdict: 'correct' });
    };
    play('client', 'FIN');
    s = step(s, { kind: 'tick', now: s.now + 1000 }).state;
    play('server', 'ACK');
    play('server', 'DATA');
    play('server', 'DATA');
    play('server', 'FIN+ACK');
    const fin = s.wire.at(-1)!;
    expect(fin).toMatchObject({ card: 'FIN+ACK', arriveAt: null });
    expect(fin.heldFor).toMatchObject({ from: 'client', card: 'ACK', on: 'arrived' });
  });
});
