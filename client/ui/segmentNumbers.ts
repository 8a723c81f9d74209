import type { SegmentView } from '../../shared/protocol.ts';

/** Whether the segment's acknowledgment number means anything: only with the ACK flag (a bare SYN's is 0 and unused). */
export function carriesAck(segment: Pick<SegmentView, 'flags' | 'card'>): boolean {
  return segment.flags.includes('ACK') || segment.card.includes('ACK');
}

/** "seq/ack", or "seq" alone when there is no acknowledgment to read. */
export function compactNumbers(segment: Pick<SegmentView, 'flags' | 'card' | 'seq' | 'ack'>): string {
  return carriesAck(segment) ? `${segment.seq}/${segment.ack}` : `${segment.seq}`;
}
