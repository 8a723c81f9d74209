/**
 * A card judged against what the player could see when they played it. A segment that arrives,
 * or the player's retransmission timer that fires, while the player's card is on its way to the
 * server can change what is expected; a card that fits what was expected just before is stale:
 * the player followed what they saw. It is not sent and costs nothing (DESIGN.md §3: no penalty
 * a player cannot avoid).
 */
import type { Card, Role } from './cards.ts';
import { expectationOf } from './expect.ts';
import type { EndpointState, MatchState, Superseded, WireSegment } from './types.ts';

/**
 * How long after an arrival a card that fits the expectation it replaced is stale: a phone's
 * round trip to the server plus the time a person needs to notice that the screen changed.
 */
export const STALE_GRACE_MS = 1000;

const sameCards = (a: readonly Card[], b: readonly Card[]): boolean => a.length === b.length && a.every((c, i) => b[i] === c);

/** Remembers, for the receiver of `arrived`, the expectation its arrival replaced. */
export function noteArrival(before: MatchState, after: MatchState, arrived: WireSegment, at: number): MatchState {
  return noteChange(before, after, arrived.from === 'client' ? 'server' : 'client', arrived.card, at);
}

/** Remembers, for `role`, the expectation its retransmission timer's firing replaced. */
export function noteRto(before: MatchState, after: MatchState, role: Role, at: number): MatchState {
  return noteChange(before, after, role, 'rto', at);
}

function noteChange(before: MatchState, after: MatchState, role: Role, by: Superseded['by'], at: number): MatchState {
  const was = expectationOf(before.endpoints[role]);
  if (!was) return after;
  const ep = after.endpoints[role];
  const now = expectationOf(ep);
  if (now && sameCards(now.cards, was.cards)) return after;
  const superseded: Superseded = { cards: was.cards, skill: was.skill, at, by };
  return { ...after, endpoints: { ...after.endpoints, [role]: { ...ep, superseded } } };
}

/** What `card` played at `at` fitted, if it fitted an expectation an arrival replaced within the grace. */
export function staleFit(ep: EndpointState, card: Card, at: number): Superseded | null {
  const s = ep.superseded;
  return s && at - s.at <= STALE_GRACE_MS && s.cards.includes(card) ? s : null;
}
