import type { TcpState } from '../tcp/states.ts';
import type { Role } from './cards.ts';
import { expectationOf } from './expect.ts';
import { hintStartsAt } from './hints.ts';
import { enteredHold, releaseHeld } from './network.ts';
import { deadlineMsFor } from './timeAllowance.ts';
import type { EndpointState, MatchEvent, MatchState } from './types.ts';

/** Collects the events of one step, in the order they happen. */
export type Emit = (event: MatchEvent) => void;

/** Replaces one endpoint. */
export function withEndpoint(state: MatchState, role: Role, ep: EndpointState): MatchState {
  return { ...state, endpoints: endpointsWith(state, role, ep) };
}

/**
 * Both endpoints with `role`'s replaced: a literal of the two roles in their order, rather than a
 * spread with a computed key, as it runs many times a step.
 */
function endpointsWith(state: MatchState, role: Role, ep: EndpointState): MatchState['endpoints'] {
  return role === 'client' ? { client: ep, server: state.endpoints.server } : { client: state.endpoints.client, server: ep };
}

/**
 * Sets `role`'s endpoint, which comes with its new TCB (callers build it with the rest of what
 * changed, so it is copied once); logs and announces a change from state `from`.
 */
export function moveTo(state: MatchState, role: Role, ep: EndpointState, from: TcpState, at: number, emit: Emit): MatchState {
  const to = ep.tcb.state;
  const endpoints = endpointsWith(state, role, ep);
  if (from === to) return { ...state, endpoints };
  emit({ type: 'stateChanged', at, role, from, to });
  // One copy of the match for the endpoint and the log together.
  const next: MatchState = { ...state, endpoints, stateLog: [...state.stateLog, { at, role, state: to }] };
  // A segment the network delays until this state now goes on its way (scenario old-segment-time-wait).
  return releaseHeld(next, enteredHold(role, to), at);
}

/** Starts a deadline (and the wait for its hint) when a move becomes expected; clears both when waiting is right. */
export function refreshDeadlines(state: MatchState, at: number): MatchState {
  const client = refreshed(state, 'client', at);
  const server = refreshed(state, 'server', at);
  // One copy of the match at most, and none when neither endpoint changed (most steps).
  if (client === state.endpoints.client && server === state.endpoints.server) return state;
  return { ...state, endpoints: { client, server } };
}

/** `role`'s endpoint with its deadline started or cleared, or the same endpoint when it stands. */
function refreshed(state: MatchState, role: Role, at: number): EndpointState {
  const ep = state.endpoints[role];
  const expected = state.status === 'playing' && expectationOf(ep) !== null;
  // By expectedSince, not deadlineAt: an untimed player has a move expected and no deadline.
  if (expected && ep.expectedSince === null) {
    const ms = deadlineMsFor(state.settings, role);
    return { ...ep, deadlineAt: ms === null ? null : at + ms, expectedSince: at, hintAt: hintStartsAt(state.settings, at) };
  }
  if (!expected && ep.expectedSince !== null) return { ...ep, deadlineAt: null, expectedSince: null, hintAt: null };
  return ep;
}
