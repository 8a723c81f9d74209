import { describe, expect, it } from 'vitest';
import { toRoomView } from '../../client/net/roomView.ts';

const stateWith = (endpoints: Record<string, Record<string, number | string>>) => ({ toJSON: () => ({ endpoints, players: {} }) });
const deadlines = (state: ReturnType<typeof stateWith>) => [...toRoomView(state).endpoints].map(([role, ep]) => [role, ep.deadlineAt]);

describe('the client\'s view of a room', () => {
  it('reads the deadline from whichever field carries it: deadlineAt outside a class, ownDeadlineAt (own endpoint only) in one', () => {
    // Outside a class: both deadlines are plain fields, ownDeadlineAt is never set.
    expect(deadlines(stateWith({ client: { role: 'client', deadlineAt: 7000, ownDeadlineAt: -1 }, server: { role: 'server', deadlineAt: -1, ownDeadlineAt: -1 } })))
      .toEqual([['client', 7000], ['server', -1]]);
    // In a class's pair: deadlineAt is -1, and only the player's own endpoint has ownDeadlineAt at all.
    expect(deadlines(stateWith({ client: { role: 'client', deadlineAt: -1, ownDeadlineAt: 9000 }, server: { role: 'server', deadlineAt: -1 } })))
      .toEqual([['client', 9000], ['server', -1]]);
    // A watcher's endpoints have neither.
    expect(deadlines(stateWith({ client: { role: 'client' }, server: { role: 'server' } }))).toEqual([['client', -1], ['server', -1]]);
  });
});
