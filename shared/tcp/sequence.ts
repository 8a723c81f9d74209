/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4): numbers wrap, so "less than" means
 * "less than by fewer than 2^31".
 */

const MOD = 2 ** 32;

/** Adds `n` to sequence number `a`, wrapping at 2^32. */
export function seqAdd(a: number, n: number): number {
  return (((a + n) % MOD) + MOD) % MOD;
}

/** Signed distance from `a` to `b` in sequence space (positive when b is after a). */
export function seqDiff(a: number, b: number): number {
  const d = seqAdd(b, -a);
  return d >= MOD / 2 ? d - MOD : d;
}

/** a < b in sequence space. */
export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

/** a ≤ b in sequence space. */
export function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) >= 0;
}

/** The acceptable-ACK rule of RFC 9293 §3.4: SND.UNA < SEG.ACK ≤ SND.NXT. */
export function ackAcceptable(sndUna: number, segAck: number, sndNxt: number): boolean {
  return seqLt(sndUna, segAck) && seqLe(segAck, sndNxt);
}

/**
 * The segment acceptability test of RFC 9293 §3.10.7.4 (the four cases of segment length and
 * receive window); `segLen` counts SYN and FIN.
 */
export function segmentAcceptable(rcvNxt: number, rcvWnd: number, segSeq: number, segLen: number): boolean {
  const inWindow = (n: number): boolean => seqLe(rcvNxt, n) && seqLt(n, seqAdd(rcvNxt, rcvWnd));
  if (segLen === 0) return rcvWnd === 0 ? segSeq === rcvNxt : inWindow(segSeq);
  if (rcvWnd === 0) return false;
  return inWindow(segSeq) || inWindow(seqAdd(segSeq, segLen - 1));
}
