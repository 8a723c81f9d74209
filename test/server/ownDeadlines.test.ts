/**
 * In a class's pair each seated player's view holds just the endpoint of the role they play
 * (issue 19): the views follow the seats, a reconnection gets a view of its own, and a client
 * gone loses its view. Elsewhere nobody has a view: the deadline is a plain field.
 */
import { Encoder } from '@colyseus/schema';
import type { Client } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/match/cards.ts';
import { OwnDeadlines } from '../../server/rooms/seated/ownDeadlines.ts';
import { ChallengeRoomState } from '../../server/rooms/schema/ChallengeRoomState.ts';
import { ClassPairRoomState, EndpointState, OwnDeadlineEndpointState, PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';

interface FakeSeat { readonly id: string; role: Role }

function setUp(perPlayer = true) {
  const state = perPlayer ? new ClassPairRoomState() : new PairRoomState();
  const Endpoint = perPlayer ? OwnDeadlineEndpointState : EndpointState;
  new Encoder(state);
  for (const role of ['client', 'server'] as const) state.endpoints.set(role, new Endpoint({ role, state: 'CLOSED' }));
  const seats = new Map<string, FakeSeat>([['a', { id: 'a', role: 'client' }], ['b', { id: 'b', role: 'server' }]]);
  let clients: Client[] = [];
  const connect = (sessionId: string): Client => {
    const client = { sessionId } as Client;
    clients = [...clients, client];
    return client;
  };
  const deadlines = new OwnDeadlines<FakeSeat>({
    clients: () => clients, seatOf: (id) => seats.get(id), roleOf: (seat) => seat.role, endpoints: state.endpoints, perPlayer,
  });
  /** The endpoints a client's view holds. */
  const sees = (client: Client): Role[] => (['client', 'server'] as const).filter((r) => client.view?.has(state.endpoints.get(r)!) ?? false);
  return { seats, connect, deadlines, sees, drop: (c: Client) => { clients = clients.filter((x) => x !== c); } };
}

describe('own deadlines', () => {
  it('shows each seated client its own endpoint, follows a role swap, gives a reconnection a view of its own and disposes a gone client\'s', () => {
    const { seats, connect, deadlines, sees, drop } = setUp();
    const a = connect('a');
    const b = connect('b');
    const watcher = connect('teacher');
    deadlines.show();
    expect(a.view).toBeDefined();
    expect(b.view).toBeDefined();
    expect([sees(a), sees(b)]).toEqual([['client'], ['server']]);
    // A watcher has no seat: no view, the shared fields only.
    expect(watcher.view).toBeUndefined();

    const first = a.view!;
    deadlines.show();
    expect(a.view).toBe(first);

    // Next round: the roles swap.
    seats.get('a')!.role = 'server';
    seats.get('b')!.role = 'client';
    deadlines.show();
    expect(a.view).toBe(first);
    expect([sees(a), sees(b)]).toEqual([['server'], ['client']]);

    // A reconnection is a new Client under the same session: a new view, the old one disposed.
    drop(a);
    const again = connect('a');
    deadlines.show();
    expect(again.view).toBeDefined();
    expect(again.view).not.toBe(first);
    expect(sees(again)).toEqual(['server']);

    // B leaves for good: the next show forgets it (its view is disposed).
    const bView = b.view!;
    const disposed: unknown[] = [];
    const dispose = bView.dispose.bind(bView);
    bView.dispose = () => { disposed.push(bView); dispose(); };
    drop(b);
    deadlines.show();
    expect(disposed).toEqual([bView]);
  });

  it('outside a class gives nobody a view: the deadline is a plain field there, and a patch is encoded once for the room', () => {
    const { connect, deadlines } = setUp(false);
    const a = connect('a');
    const b = connect('b');
    deadlines.show();
    deadlines.show();
    expect([a.view, b.view]).toEqual([undefined, undefined]);
  });

  it('filters patches per client in a class\'s pair only: a plain pair\'s and a challenge\'s state have no view-tagged field', () => {
    // Colyseus filters (and copies the client list at every patch tick) for any state that reaches one.
    expect(new Encoder(new PairRoomState()).context.hasFilters).toBe(false);
    expect(new Encoder(new ChallengeRoomState()).context.hasFilters).toBe(false);
    expect(new Encoder(new ClassPairRoomState()).context.hasFilters).toBe(true);
  });
});
