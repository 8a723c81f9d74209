import { describe, expect, it } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { typedRoom } from '../../client/net/typedRoom.ts';
import type { ClassroomMessages, PairRoomMessages } from '../../shared/messageMap.ts';
import { CLIENT_MSG, errorCodeOf, TEACHER_MSG } from '../../shared/protocol.ts';

/** A room that records what is sent, so the typed calls below also run. */
function recordingRoom(): { room: Room; sent: unknown[][] } {
  const sent: unknown[][] = [];
  const room = { send: (...a: unknown[]) => sent.push(a), request: async (...a: unknown[]) => { sent.push(a); return {}; } };
  return { room: room as unknown as Room, sent };
}

describe('the one message map', () => {
  it('lets a client send only the messages and payloads a room takes (the @ts-expect-error lines fail tsc if they compile)', async () => {
    const { room, sent } = recordingRoom();
    const pair = typedRoom<PairRoomMessages>(room);
    pair.send(CLIENT_MSG.ready);
    await pair.request(CLIENT_MSG.play, { card: 'SYN', seq: 1 });
    // @ts-expect-error: no such message
    pair.send('dance', {});
    // @ts-expect-error: a field the strict schema refuses
    await pair.request(CLIENT_MSG.play, { card: 'SYN', points: 99 });
    // @ts-expect-error: not a card
    await pair.request(CLIENT_MSG.play, { card: 'XYZ' });
    const teacher = typedRoom<ClassroomMessages>(room);
    await teacher.request(TEACHER_MSG.lock, { locked: true });
    // @ts-expect-error: lock needs `locked`
    await teacher.request(TEACHER_MSG.lock, {});
    expect(sent.map((s) => s[0])).toEqual(['ready', 'play', 'dance', 'play', 'play', 'lockClass', 'lockClass']);
  });
});

describe('errorCodeOf', () => {
  it('reads a refusal, a missing handler and a refused join, and calls anything else noAnswer, never invalidPayload', () => {
    expect(errorCodeOf(Object.assign(new Error('request rejected'), { name: 'rejected', reason: { code: 'invalidPayload' } }))).toBe('invalidPayload');
    expect(errorCodeOf(Object.assign(new Error('room "pair" has no onMessage("dance") handler'), { name: 'no_handler' }))).toBe('unknownMessage');
    expect(errorCodeOf(Object.assign(new Error('classFull'), { code: 4000 }))).toBe('classFull');
    expect(errorCodeOf(Object.assign(new Error(''), { code: 522 }))).toBe('roomNotFound');
    expect(errorCodeOf(new Error('request "play" timed out after 15000ms.'))).toBe('noAnswer');
    expect(errorCodeOf(new Error('cannot send request "play": connection is not open.'))).toBe('noAnswer');
    expect(errorCodeOf(undefined)).toBe('noAnswer');
  });
});
