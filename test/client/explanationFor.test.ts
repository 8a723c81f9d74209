import { describe, expect, it, vi } from 'vitest';

// The texts module reads the saved language when it loads: an empty store, so English.
vi.hoisted(() => {
  Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => undefined } });
});

import { game } from '../../client/i18n/text.ts';
import { explanationFor } from '../../client/scenes/explanationFor.ts';
import type { Difficulty } from '../../shared/match/settings.ts';
import type { EndpointView, PairRoomView } from '../../shared/protocol.ts';

/** A round where nothing has happened yet, seen by the client; its endpoint as given. */
function view(difficulty: Difficulty, client: Partial<EndpointView>): PairRoomView {
  const endpoint = { role: 'client', deadlineAt: -1, ownDeadlineAt: -1, hintAt: -1, hintKey: '', hintCards: [], moveDue: false, ...client };
  return { paused: false, difficulty, moves: [], segments: [], endpoints: new Map([['client', endpoint]]) } as unknown as PairRoomView;
}

const panel = (v: PairRoomView) => explanationFor(v, 'client', null, 0, 1000).text;

describe('the explanation panel before anything has happened', () => {
  it('says it is the player\'s move whenever the room says one is due, with or without a deadline or a hint', () => {
    const yourMove = game('hint.yourMove');
    // Timed, in Flags (hint to come) and in Expert (none).
    expect(panel(view('flags', { moveDue: true, deadlineAt: 7000, hintAt: 5000, hintKey: 'hint.open' }))).toBe(yourMove);
    expect(panel(view('expert', { moveDue: true, deadlineAt: 7000 }))).toBe(yourMove);
    // A student the teacher made untimed, in Expert: neither a deadline nor a hint, yet their move.
    expect(panel(view('expert', { moveDue: true }))).toBe(yourMove);
  });

  it('says there is nothing to send only when no move is due', () => {
    expect(panel(view('expert', { moveDue: false }))).toBe(game('hint.wait'));
    expect(panel(view('flags', { moveDue: false }))).toBe(game('hint.wait'));
  });
});
