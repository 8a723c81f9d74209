/**
 * In a class's pair rooms each seated player receives only their own response deadline (issue
 * 19). A teacher may give a student extra time or none at all; the deadline is the one field
 * that would show it, so there it goes in `ownDeadlineAt`, tagged `.view()` in EndpointState, and
 * every player's StateView holds just the endpoint of the role they play this round. A watcher
 * (the teacher's screen) has no view: it gets the shared fields, which is all a ladder without a
 * "you" shows. Checked before every patch, so a role swap, a reconnection or the round's first
 * endpoints are followed without other hooks.
 *
 * Outside a class nobody has extra time: the deadline goes in the plain `deadlineAt` and no
 * client has a view, so Colyseus encodes each patch once for the room instead of once per
 * player (at 500 pairs: 29.3–30.0 KB allocated per card against 33.2–33.9 with a view per
 * player, about 11 % less; server CPU within this machine's noise).
 */
import { StateView, type MapSchema } from '@colyseus/schema';
import type { Client } from '@colyseus/core';
import type { Role } from '../../../shared/match/cards.ts';
import type { EndpointState } from '../schema/PairRoomState.ts';

interface Shown {
  readonly client: Client;
  readonly view: StateView;
  endpoint: EndpointState | undefined;
  /** The last `show` that found its client. */
  seenIn: number;
}

/** `T` is the room's seat; only the room's own functions look into it. */
export interface OwnDeadlinesParts<T> {
  readonly clients: () => readonly Client[];
  readonly seatOf: (sessionId: string) => T | undefined;
  readonly roleOf: (seat: T) => Role;
  readonly endpoints: MapSchema<EndpointState>;
  /** Each player sees only their own deadline (a class's pair room); false: no views at all. */
  readonly perPlayer: boolean;
}

export class OwnDeadlines<T> {
  private readonly parts: OwnDeadlinesParts<T>;
  private readonly shown = new Map<string, Shown>();
  private shows = 0;

  constructor(parts: OwnDeadlinesParts<T>) {
    this.parts = parts;
  }

  /** Brings every seated client's view to the endpoint of the role they now play. */
  show(): void {
    if (!this.parts.perPlayer) return;
    const { clients, seatOf, roleOf, endpoints } = this.parts;
    const now = ++this.shows;
    let found = 0;
    // Indexed: this runs before every patch of a class's every pair (SeatTable says why).
    const list = clients();
    for (let i = 0; i < list.length; i++) {
      const client = list[i]!;
      const seat = seatOf(client.sessionId);
      if (!seat) continue;
      let shown = this.shown.get(client.sessionId);
      // A reconnection is a new Client object under the same session: it needs a view of its own.
      if (!shown || shown.client !== client) {
        shown?.view.dispose();
        shown = { client, view: new StateView(), endpoint: undefined, seenIn: 0 };
        client.view = shown.view;
        this.shown.set(client.sessionId, shown);
      }
      if (shown.seenIn !== now) found++;
      shown.seenIn = now;
      const endpoint = endpoints.get(roleOf(seat));
      if (endpoint === shown.endpoint) continue;
      if (shown.endpoint) shown.view.remove(shown.endpoint);
      if (endpoint) shown.view.add(endpoint);
      shown.endpoint = endpoint;
    }
    // Every entry found again means no client has left. (This runs before every patch of every
    // room: the common case allocates nothing and looks at no entry twice.)
    if (found === this.shown.size) return;
    for (const [id, gone] of this.shown) {
      if (gone.seenIn === now) continue;
      gone.view.dispose();
      this.shown.delete(id);
    }
  }
}
