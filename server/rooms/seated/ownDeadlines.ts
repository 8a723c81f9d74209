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
}

export interface OwnDeadlinesParts<T extends Seat> {
  readonly clients: () => Iterable<Client>;
  readonly seatOf: (sessionId: string) => T | undefined;
  readonly roleOf: (seat: T) => Role;
  readonly endpoints: MapSchema<EndpointState>;
}

export class OwnDeadlines<T extends Seat> {
  private readonly parts: OwnDeadlinesParts<T>;
  private readonly shown = new Map<string, Shown>();

  constructor(parts: OwnDeadlinesParts<T>) {
    this.parts = parts;
  }

  /** Brings every seated client's view to the endpoint of the role they now play. */
  show(): void {
    const { clients, seatOf, roleOf, endpoints } = this.parts;
    let seated = 0;
    for (const client of clients()) {
      const seat = seatOf(client.sessionId);
      if (!seat) continue;
      seated++;
      let shown = this.shown.get(client.sessionId);
      // A reconnection is a new Client object under the same session: it needs a view of its own.
      if (!shown || shown.client !== client) {
        shown?.view.dispose();
        shown = { client, view: new StateView(), endpoint: undefined };
        client.view = shown.view;
        this.shown.set(client.sessionId, shown);
      }
      const endpoint = endpoints.get(roleOf(seat));
      if (endpoint === shown.endpoint) continue;
      if (shown.endpoint) shown.view.remove(shown.endpoint);
      if (endpoint) shown.view.add(endpoint);
      shown.endpoint = endpoint;
    }
    // Each seated client has its one entry now: no more entries than them means none has left.
    // (This runs before every patch of every room; the common case allocates nothing.)
    if (this.shown.size === seated) return;
    const present = new Set<string>();
    for (const client of clients()) if (seatOf(client.sessionId)) present.add(client.sessionId);
    for (const [id, gone] of this.shown) {
      if (present.has(id)) continue;
      gone.view.dispose();
      this.shown.delete(id);
    }
  }
}
