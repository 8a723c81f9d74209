import { describe, expect, it } from 'vitest';
import { ClientArray, type Client } from '@colyseus/core';
import { plainClientListCopies } from '../../server/rooms/common/clientLists.ts';

const client = (sessionId: string) => ({ sessionId }) as Client;

describe("a room's client list", () => {
  it('stays a ClientArray that finds clients by session, while its filtered, mapped and spliced copies are plain arrays', () => {
    plainClientListCopies();
    const list = new ClientArray();
    const [ada, bo] = [client('ada'), client('bo')];
    list.push(ada, bo);
    const filtered = list.filter((c) => c.sessionId === 'bo');
    expect(filtered).toEqual([bo]);
    expect(filtered).not.toBeInstanceOf(ClientArray);
    expect(list.map((c) => c.sessionId)).not.toBeInstanceOf(ClientArray);
    const removed = list.splice(0, 1);
    expect(removed).toEqual([ada]);
    expect(removed).not.toBeInstanceOf(ClientArray);
    // The list itself still keeps its index in step.
    expect(list.get('ada')).toBeUndefined();
    expect(list.get('bo')).toBe(bo);
  });
});
