/**
 * A card judged against what the player could see when they played it. A segment that arrives,
 * or the player's retransmission timer that fires, while the player's card is on its way to the
 * server can change what is expected; a card that fits what was expected just before is stale:
 * the player followed what they saw. It is not sent and costs nothing (DESIGN.md §3: no penalty
 * a player cannot avoid).
 */
import type { Card, Role } from './cards.ts';
import { expectationOf } from './expect.ts';
import type { Draft } from './draft.ts';
import type { EndpointState, Expectation, Superseded } from './types.ts';

/**
 * How long after an arrival a card that fits the expectation it replaced is stale: a phone's
 * round trip to the server plus the time a person needs to notice that the screen changed.
 */
export const STALE_GRACE_MS = 1000;

function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Remembers, for `role`, the expectation `was` that an arrival (`by` its card) or its
 * retransmission timer (`by` 'rto') has just replaced; `was` is read before the change.
 */
export function noteSuperseded(d: Draft, role: Role, was: Expectation | null, by: Superseded['by'], at: number): void {
  if (!was) return;
  const ep = d.state.endpoints[role];
  const now = expectationOf(ep);
  if (now && sameCards(now.cards, was.cards)) return;
  d.setEndpoint(role, { ...ep, superseded: { cards: was.cards, skill: was.skill, at, by } });
}

/** What `card` played at `at` fitted, if it fitted an expectation an arrival replaced within the grace. */
export function staleFit(ep: EndpointState, card: Card, at: number): Superseded | null {
  const s = ep.superseded;
  return s && at - s.at <= STALE_GRACE_MS && s.cards.includes(card) ? s : null;
}
