import { ROLES, type Role } from './cards.ts';
import type { Draft } from './draft.ts';
import { expectationOf } from './expect.ts';
import { hintStartsAt } from './hints.ts';
import { releaseHeld } from './network.ts';
import { deadlineMsFor } from './timeAllowance.ts';
import type { EndpointState, MatchEvent } from './types.ts';

/** Collects the events of one step, in the order they happen. */
export type Emit = (event: MatchEvent) => void;

/** Sets `role`'s endpoint to `ep`, whose TCB may be new, logging and announcing a change of state. */
export function moveTo(d: Draft, role: Role, ep: EndpointState, at: number, emit: Emit): void {
  const from = d.state.endpoints[role].tcb.state;
  const { tcb } = ep;
  d.setEndpoint(role, ep);
  if (from === tcb.state) return;
  emit({ type: 'stateChanged', at, role, from, to: tcb.state });
  d.logState({ at, role, state: tcb.state });
  // A segment the network delays until this state now goes on its way (scenario old-segment-time-wait).
  releaseHeld(d, { on: 'state', role, state: tcb.state }, at);
}

/** Starts a deadline (and the wait for its hint) when a move becomes expected; clears both when waiting is right. */
export function refreshDeadlines(d: Draft, at: number): void {
  // Indexed, as in the engine's scanDue: this runs at every step of every room.
  for (let i = 0; i < ROLES.length; i++) {
    const role = ROLES[i]!;
    const s = d.state;
    const ep = s.endpoints[role];
    const expected = s.status === 'playing' && expectationOf(ep) !== null;
    // By expectedSince, not deadlineAt: an untimed player has a move expected and no deadline.
    if (expected && ep.expectedSince === null) {
      const ms = deadlineMsFor(s.settings, role);
      d.setEndpoint(role, { ...ep, deadlineAt: ms === null ? null : at + ms, expectedSince: at, hintAt: hintStartsAt(s.settings, at) });
    } else if (!expected && ep.expectedSince !== null) {
      d.setEndpoint(role, { ...ep, deadlineAt: null, expectedSince: null, hintAt: null });
    }
  }
}
