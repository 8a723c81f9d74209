import type { Tcb } from '../tcp/endpoint.ts';
import { ROLES, type Role } from './cards.ts';
import { expectationOf } from './expect.ts';
import { hintStartsAt } from './hints.ts';
import { releaseHeld } from './network.ts';
import { deadlineMsFor } from './timeAllowance.ts';
import type { EndpointState, MatchEvent, MatchState } from './types.ts';

/** Collects the events of one step, in the order they happen. */
export type Emit = (event: MatchEvent) => void;

/** Replaces one endpoint. */
export function withEndpoint(state: MatchState, role: Role, ep: EndpointState): MatchState {
  return { ...state, endpoints: { ...state.endpoints, [role]: ep } };
}

/** Sets a new TCB, logging and announcing a change of state. */
export function moveTo(state: MatchState, role: Role, ep: EndpointState, tcb: Tcb, at: number, emit: Emit): MatchState {
  const from = ep.tcb.state;
  const next = withEndpoint(state, role, { ...ep, tcb });
  if (from === tcb.state) return next;
  emit({ type: 'stateChanged', at, role, from, to: tcb.state });
  // A segment the network delays until this state now goes on its way (scenario old-segment-time-wait).
  return releaseHeld({ ...next, stateLog: [...next.stateLog, { at, role, state: tcb.state }] }, { on: 'state', role, state: tcb.state }, at);
}

/** Starts a deadline (and the wait for its hint) when a move becomes expected; clears both when waiting is right. */
export function refreshDeadlines(state: MatchState, at: number): MatchState {
  let s = state;
  // Indexed, as in the engine's earliestDue: this runs at every step of every room.
  for (let i = 0; i < ROLES.length; i++) {
    const role = ROLES[i]!;
    const ep = s.endpoints[role];
    const expected = s.status === 'playing' && expectationOf(ep) !== null;
    // By expectedSince, not deadlineAt: an untimed player has a move expected and no deadline.
    if (expected && ep.expectedSince === null) {
      const ms = deadlineMsFor(s.settings, role);
      s = withEndpoint(s, role, { ...ep, deadlineAt: ms === null ? null : at + ms, expectedSince: at, hintAt: hintStartsAt(s.settings, at) });
    } else if (!expected && ep.expectedSince !== null) {
      s = withEndpoint(s, role, { ...ep, deadlineAt: null, expectedSince: null, hintAt: null });
    }
  }
  return s;
}
