import { describe, expect, it } from 'vitest';
import { compactNumbers } from '../../client/ui/segmentNumbers.ts';

describe('a segment\'s numbers on the lane', () => {
  it('show the acknowledgment number only when the ACK flag gives it a meaning', () => {
    expect(compactNumbers({ card: 'SYN', flags: 'SYN', seq: 2484, ack: 0 })).toBe('2484');
    expect(compactNumbers({ card: 'SYN+ACK', flags: 'SYN,ACK', seq: 6980, ack: 2485 })).toBe('6980/2485');
    // A FIN after the handshake travels as FIN,ACK whatever card was played.
    expect(compactNumbers({ card: 'FIN', flags: 'FIN,ACK', seq: 2485, ack: 6981 })).toBe('2485/6981');
    expect(compactNumbers({ card: 'RST', flags: 'RST', seq: 7, ack: 0 })).toBe('7');
  });
});
