import { describe, expect, it } from 'vitest';
import { establishedPair, receive, type Tcb } from '../../shared/tcp/endpoint.ts';
import { reassemble, trimFront } from '../../shared/tcp/reassembly.ts';
import type { Segment } from '../../shared/tcp/segment.ts';
import { seqAdd } from '../../shared/tcp/sequence.ts';

const data = (seq: number, len: number, ack: number): Segment => ({ seq, ack, flags: ['ACK'], len });

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('out-of-order text (RFC 9293 §3.10.7.4, SHLD-31)', () => {
  // Near the top of sequence space, so the arithmetic wraps on the way.
  const [a, b] = establishedPair(2 ** 32 - 150, 4000);
  const first = seqAdd(a.sndNxt, 0);
  const segs: Segment[] = [
    data(first, 100, b.sndNxt),
    data(seqAdd(first, 100), 100, b.sndNxt),
    data(seqAdd(first, 200), 50, b.sndNxt),
    { seq: seqAdd(first, 250), ack: b.sndNxt, flags: ['FIN', 'ACK'], len: 0 },
  ];

  it('ends in CLOSE-WAIT with RCV.NXT past the FIN whatever order the four segments arrive in', () => {
    for (const order of permutations(segs)) {
      let tcb: Tcb = b;
      const states: string[] = [];
      for (const seg of order) {
        const r = receive(tcb, seg);
        expect(r.accepted).toBe(true);
        expect(r.reply).toBe('ACK');
        tcb = r.tcb;
        states.push(tcb.state);
      }
      expect(tcb.rcvNxt).toBe(seqAdd(first, 251));
      expect(tcb.state).toBe('CLOSE-WAIT');
      expect(tcb.held).toEqual([]);
      // The FIN counts only once everything before it is in: CLOSE-WAIT comes with the last arrival.
      expect(states.slice(0, -1).every((s) => s === 'ESTABLISHED')).toBe(true);
    }
  });

  it('trims a segment that straddles RCV.NXT to its new bytes', () => {
    const seg = data(100, 30, 0);
    expect(trimFront(seg, 110)).toMatchObject({ seq: 110, len: 20 });
    expect(trimFront(seg, 100)).toBe(seg);
    expect(reassemble(110, [], trimFront(seg, 110))).toEqual({ rcvNxt: 130, fin: false, held: [] });
  });

  it('does not move RCV.NXT for a segment beyond it, and an ACK then names the first missing byte', () => {
    const r = receive(b, segs[1]!);
    expect(r.event).toBe('rcvEarly');
    expect(r.tcb.rcvNxt).toBe(b.rcvNxt);
    expect(r.tcb.held).toHaveLength(1);
  });
});
