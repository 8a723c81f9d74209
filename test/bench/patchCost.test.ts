import { describe, expect, it } from 'vitest';
import { measurePatchCost } from './patchCost.ts';

describe('the patch cost yardstick', () => {
  it('plays the same cards and patches on every run, and times each part of them', () => {
    const first = measurePatchCost(4, 30);
    const second = measurePatchCost(4, 30);
    // Equal work from run to run is what lets two versions of the schema be compared on it.
    expect({ cards: second.cards, patches: second.patches, patchBytes: second.patchBytes })
      .toEqual({ cards: first.cards, patches: first.patches, patchBytes: first.patchBytes });
    expect(first.cards).toBeGreaterThan(20);
    // A patch per change, not per tick: fewer than the 600 ticks of four rooms over 30 s.
    expect(first.patches).toBeGreaterThan(first.cards);
    expect(first.patches).toBeLessThan(4 * 600);
    for (const part of ['step', 'encode', 'decode'] as const) expect(first.spentMs[part], part).toBeGreaterThan(0);
  });

  it('plays the same cards without the clients, and then decodes nothing', () => {
    const withClients = measurePatchCost(4, 30);
    const serverOnly = measurePatchCost(4, 30, false);
    expect(serverOnly.cards).toBe(withClients.cards);
    expect(serverOnly.patchBytes).toBe(withClients.patchBytes);
    // Counted, not timed: a collection landing in the decode interval would make a time say otherwise.
    expect(withClients.decoded).toBe(2 * withClients.patches);
    expect(serverOnly.decoded).toBe(0);
  });
});
