import { describe, expect, it } from 'vitest';
import { BARE_PATCH_MAX_BYTES } from '../../server/rooms/bench/benchRooms.ts';
import { bareLandingShare, barePatchBytes } from './levelRun.ts';

describe('the bare-Colyseus floor', () => {
  it('changes as much state per card as makes its clients receive the game\'s patch bytes per card', () => {
    // Each card's patch goes to both clients of a room: 753 bytes per card is a frame of ~376, 8 of them not filler.
    expect(barePatchBytes(753)).toBe(369);
    expect(barePatchBytes(0)).toBe(0);
    expect(barePatchBytes(1e6)).toBe(BARE_PATCH_MAX_BYTES);
  });

  it('halves each patch when every card also lands, so the bytes per card stay the game\'s', () => {
    // Two patches per card (the card's and its landing's), each to both clients: ~188 bytes each.
    expect(barePatchBytes(753, 2)).toBe(180);
  });

  it('lands the share of its cards that gives the game\'s patch frames per card, the bytes spread over them', () => {
    // 3.1 frames per card: 2 for the card's patch to both clients, 1.1 for landings to both.
    expect(bareLandingShare(3.1)).toBe(0.55);
    expect(bareLandingShare(2)).toBe(0);
    expect(bareLandingShare(1.5)).toBe(0);
    expect(bareLandingShare(5)).toBe(1);
    expect(bareLandingShare(NaN)).toBe(0);
    expect(barePatchBytes(620, 1 + bareLandingShare(3.1))).toBe(192);
  });
});
