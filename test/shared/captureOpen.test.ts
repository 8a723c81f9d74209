import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playOut } from '../../shared/bots/playOut.ts';
import { MAX_CAPTURE_BYTES, openCapture } from '../../shared/capture/captureConnections.ts';
import { captureLadder } from '../../shared/capture/captureLadder.ts';
import { encodeTcpPacket } from '../../shared/capture/ipv4Tcp.ts';
import { roundCapture } from '../../shared/capture/roundCapture.ts';
import { roundRecordOf, type RoundRecord } from '../../shared/capture/roundRecord.ts';
import { createMatch } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import { normalizeFlags } from '../../shared/tcp/segment.ts';

function recordOf(scenarioId: ScenarioId): RoundRecord {
  const start = createMatch({ scenarioId, settings: makeSettings({}), seed: 7, now: 1000 });
  const { state } = playOut(start, { client: { reactionMs: 300, errorRate: 0 }, server: { reactionMs: 400, errorRate: 0 } });
  return roundRecordOf(state, Date.UTC(2025, 0, 6), { client: 'Ana', server: 'Bo' });
}

/** A classic pcap (little-endian, raw IP link type) holding `packets`. */
function pcap(packets: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(24 + packets.reduce((n, p) => n + 16 + p.length, 0));
  const v = new DataView(out.buffer);
  v.setUint32(0, 0xa1b2c3d4, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, 65535, true);
  v.setUint32(20, 101, true);
  let at = 24;
  packets.forEach((p, i) => {
    v.setUint32(at, 1_700_000_000 + i, true);
    v.setUint32(at + 8, p.length, true);
    v.setUint32(at + 12, p.length, true);
    out.set(p, at + 16);
    at += 16 + p.length;
  });
  return out;
}

const CLIENT_HOST = [10, 0, 0, 1] as const;
const SERVER_HOST = [10, 0, 0, 2] as const;
/** A segment between 10.0.0.1 (ephemeral ports, from 40000) and 10.0.0.2. */
const tcp = (srcPort: number, dstPort: number, flags: ('SYN' | 'ACK' | 'FIN' | 'RST')[], seq: number, ack: number) =>
  encodeTcpPacket({ src: srcPort >= 40000 ? CLIENT_HOST : SERVER_HOST, dst: srcPort >= 40000 ? SERVER_HOST : CLIENT_HOST, srcPort, dstPort, seq, ack, flags, window: 1000, payload: new Uint8Array(0), ipId: 1 });

describe('opening a capture file', () => {
  it('round-trips our own export: every segment the round put on the wire, in order, between the two documentation hosts', () => {
    for (const id of ['handshake', 'whole-life', 'lost-syn', 'abort'] as const) {
      const record = recordOf(id);
      const opened = openCapture(roundCapture(record, 'en'));
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      expect(opened.connections).toHaveLength(1);
      const c = opened.connections[0]!;
      expect([c.client, c.server]).toEqual([{ address: '192.0.2.1', port: 49152 }, { address: '192.0.2.2', port: 2567 }]);
      const sent = [...record.wire].sort((a, b) => a.sentAt - b.sentAt || a.id - b.id);
      expect(c.segments.map((s) => [s.tcp.srcPort === 49152 ? 'client' : 'server', s.tcp.flags.join(','), s.tcp.seq, s.tcp.flags.includes('ACK') ? s.tcp.ack : 0, s.tcp.payloadLength]))
        .toEqual(sent.map((s) => [s.from, normalizeFlags(s.flags).join(','), s.seq, s.flags.includes('ACK') ? s.ack : 0, s.len]));
      expect(c.segments.every((s) => s.tcp.checksumOk)).toBe(true);
    }
  });

  it('infers from an exported round without loss the states the game itself recorded', () => {
    for (const id of ['handshake', 'whole-life', 'client-close', 'abort'] as const) {
      const record = recordOf(id);
      const opened = openCapture(roundCapture(record, 'en'));
      if (!opened.ok) throw new Error(opened.code);
      const ladder = captureLadder(opened.connections[0]!);
      // The capture has no clock for TIME-WAIT's 2 MSL: an end the game let out of TIME-WAIT is still in it.
      const last = (role: 'client' | 'server') => {
        const states = record.stateLog.filter((e) => e.role === role).map((e) => e.state);
        return states.at(-2) === 'TIME-WAIT' && states.at(-1) === 'CLOSED' ? 'TIME-WAIT' : states.at(-1);
      };
      expect(ladder.after.at(-1), id).toEqual({ client: last('client'), server: last('server') });
      expect(ladder.refused, id).toBe(0);
    }
  });

  it('marks what the machine refuses, with the game\'s explanations: an ACK of a number never sent, a FIN without ACK', () => {
    const file = pcap([
      tcp(40000, 80, ['SYN'], 100, 0),
      tcp(80, 40000, ['SYN', 'ACK'], 500, 101),
      tcp(40000, 80, ['ACK'], 101, 501),
      // An ACK of a sequence number never sent: the client discards it and owes an ACK.
      tcp(80, 40000, ['ACK'], 501, 9999),
      // A FIN without ACK once synchronized: no correct endpoint sends it, and the server drops it.
      tcp(40000, 80, ['FIN'], 101, 0),
    ]);
    const opened = openCapture(file);
    if (!opened.ok) throw new Error(opened.code);
    const ladder = captureLadder(opened.connections[0]!);
    expect(ladder.after.slice(0, 3)).toEqual([
      { client: 'SYN-SENT', server: 'SYN-RECEIVED' }, { client: 'ESTABLISHED', server: 'SYN-RECEIVED' }, { client: 'ESTABLISHED', server: 'ESTABLISHED' },
    ]);
    expect(ladder.record.wire[3]).toMatchObject({ status: 'discarded', why: 'why.ackTooFar' });
    expect(ladder.record.moves[4]).toMatchObject({ verdict: 'wrongCard', why: 'capture.noSuchSegment', state: 'ESTABLISHED', card: 'FIN' });
    expect(ladder.record.wire[4]).toMatchObject({ status: 'discarded', why: 'why.ignored' });
    expect(ladder.refused).toBe(3);
  });

  it('says why a file cannot be opened, and never throws: not a capture, cut short, too big, no TCP', () => {
    expect(openCapture(new TextEncoder().encode('GET / HTTP/1.1\r\nHost: example.org\r\n\r\n'))).toEqual({ ok: false, code: 'notACapture' });
    expect(openCapture(new Uint8Array(3))).toEqual({ ok: false, code: 'notACapture' });
    const whole = roundCapture(recordOf('handshake'), 'en');
    for (const cut of [30, 60, whole.length - 5]) expect(openCapture(whole.subarray(0, cut))).toEqual({ ok: false, code: 'truncated' });
    const classic = pcap([tcp(1, 2, ['SYN'], 1, 0)]);
    expect(openCapture(classic.subarray(0, classic.length - 1))).toEqual({ ok: false, code: 'truncated' });
    expect(openCapture(new Uint8Array(MAX_CAPTURE_BYTES + 1))).toEqual({ ok: false, code: 'tooBig' });
    const udp = tcp(1, 2, ['SYN'], 1, 0);
    udp[9] = 17;
    expect(openCapture(pcap([udp]))).toEqual({ ok: false, code: 'noTcp' });
    expect(openCapture(pcap([]))).toEqual({ ok: false, code: 'noTcp' });
  });

  it('never throws on a damaged file: a real capture with bytes changed at random opens or says why, and every connection it finds is judged', () => {
    const real = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/capture/loopback-close-and-refused.pcap')));
    // A fixed-seed generator (mulberry32), so a failure can be replayed.
    let seed = 20;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
    };
    const outcomes = new Set<string>();
    for (let trial = 0; trial < 300; trial++) {
      const bytes = real.slice();
      for (let n = 1 + Math.floor(random() * 8); n > 0; n--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const opened = openCapture(bytes);
      outcomes.add(opened.ok ? 'ok' : opened.code);
      if (opened.ok) for (const c of opened.connections) expect(captureLadder(c).after).toHaveLength(Math.min(c.segments.length, 400));
    }
    // The damage reached both the headers (files refused) and the segments (files judged).
    expect([...outcomes]).toEqual(expect.arrayContaining(['ok', 'truncated']));
  });

  it('lists every connection of a file, first seen first, each with the sender of its SYN as the client', () => {
    const opened = openCapture(pcap([tcp(40001, 80, ['SYN'], 1, 0), tcp(40002, 443, ['SYN'], 7, 0), tcp(80, 40001, ['SYN', 'ACK'], 50, 2)]));
    if (!opened.ok) throw new Error(opened.code);
    expect(opened.connections.map((c) => [c.client.port, c.server.port, c.segments.length])).toEqual([[40001, 80, 2], [40002, 443, 1]]);
  });
});
