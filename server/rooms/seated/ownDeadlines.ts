/**
 * Each seated player receives only their own response deadline (issue 19). A teacher may give
 * a student extra time or none at all; the deadline is the one field that would show it, so it
 * is tagged `.view()` in EndpointState and every player's StateView holds just the endpoint of
 * the role they play this round. A watcher (the teacher's screen) has no view: it gets the shared
 * fields, which is all a ladder without a "you" shows. Checked before every patch, so a role
 * swap, a reconnection or the round's first endpoints are followed without other hooks.
 */
import { StateView, type MapSchema } from '@colyseus/schema';
import type { Client } from '@colyseus/core';
import type { Role } from '../../../shared/match/cards.ts';
import type { EndpointState } from '../schema/PairRoomState.ts';
import type { Seat } from './seats.ts';

interface Shown {
  readonly client: Client;
  readonly view: StateView;
  endpoint: EndpointState | undefined;
  /** The last look that found its client seated and present. */
  seenAt: number;
}

export interface OwnDeadlinesParts<T extends Seat> {
  readonly clients: () => readonly Client[];
  readonly seatOf: (sessionId: string) => T | undefined;
  readonly roleOf: (seat: T) => Role;
  readonly endpoints: MapSchema<EndpointState>;
}

export class OwnDeadlines<T extends Seat> {
  private readonly parts: OwnDeadlinesParts<T>;
  private readonly shown = new Map<string, Shown>();
  /** Counts the looks; a view not seen at the latest is for a client that is gone (no set of ids per patch). */
  private looks = 0;

  constructor(parts: OwnDeadlinesParts<T>) {
    this.parts = parts;
  }

  /** Brings every seated client's view to the endpoint of the role they now play. */
  show(): void {
    const { clients, seatOf, roleOf, endpoints } = this.parts;
    const look = ++this.looks;
    const list = clients();
    let seen = 0;
    // Indexed: this runs before every patch of every room, and a for-of allocates until optimised.
    for (let i = 0; i < list.length; i++) {
      const client = list[i]!;
      const seat = seatOf(client.sessionId);
      if (!seat) continue;
      let shown = this.shown.get(client.sessionId);
      // A reconnection is a new Client object under the same session: it needs a view of its own.
      if (!shown || shown.client !== client) {
        shown?.view.dispose();
        shown = { client, view: new StateView(), endpoint: undefined, seenAt: 0 };
        client.view = shown.view;
        this.shown.set(client.sessionId, shown);
      }
      if (shown.seenAt !== look) {
        shown.seenAt = look;
        seen++;
      }
      const endpoint = endpoints.get(roleOf(seat));
      if (endpoint === shown.endpoint) continue;
      if (shown.endpoint) shown.view.remove(shown.endpoint);
      if (endpoint) shown.view.add(endpoint);
      shown.endpoint = endpoint;
    }
    // Each view seen is a distinct entry: as many seen as kept, and none is gone.
    if (seen === this.shown.size) return;
    for (const gone of this.shown.values()) {
      if (gone.seenAt === look) continue;
      gone.view.dispose();
      // Deleting the entry being visited is safe in a Map's iteration.
      this.shown.delete(gone.client.sessionId);
    }
  }
}
