/** TCP control flags a segment can carry in this game (RFC 9293 §3.1; URG and PSH play no part). */
export const FLAGS = ['SYN', 'ACK', 'FIN', 'RST'] as const;
export type Flag = (typeof FLAGS)[number];

/** A segment on the simulated wire. `len` is the payload length; SYN and FIN are not in it. */
export interface Segment {
  readonly seq: number;
  readonly ack: number;
  readonly flags: readonly Flag[];
  readonly len: number;
}

/** Whether the segment carries `flag`. */
export function has(seg: Pick<Segment, 'flags'>, flag: Flag): boolean {
  return seg.flags.includes(flag);
}

/** SEG.LEN of RFC 9293: payload plus one for SYN and one for FIN. */
export function segLen(seg: Segment): number {
  return seg.len + (has(seg, 'SYN') ? 1 : 0) + (has(seg, 'FIN') ? 1 : 0);
}

/** Flags in a fixed order, so two spellings of one segment compare equal. */
export function normalizeFlags(flags: readonly Flag[]): Flag[] {
  return FLAGS.filter((f) => flags.includes(f));
}

/** Every set of flags as text, indexed by the bits of its flags in `FLAGS` order. */
const FLAGS_TEXT: readonly string[] = Array.from({ length: 1 << FLAGS.length }, (_, bits) => FLAGS.filter((_f, i) => (bits & (1 << i)) !== 0).join(','));

/**
 * The flags as text in `FLAGS` order, e.g. `SYN,ACK`: the same text for any spelling. Looked up
 * rather than built, since the server writes it for every segment it shows.
 */
export function flagsText(flags: readonly Flag[]): string {
  let bits = 0;
  for (let i = 0; i < FLAGS.length; i++) if (flags.includes(FLAGS[i]!)) bits |= 1 << i;
  return FLAGS_TEXT[bits]!;
}
