import { describe, expect, it } from 'vitest';
import type { Room } from '@colyseus/sdk';
import { typedRoom } from '../../client/net/typedRoom.ts';
import { checked, type RoomHandlers } from '../../server/rooms/common/refusals.ts';
import { playPayloadSchema, readyPayloadSchema } from '../../shared/validation.ts';
import type { ClassroomMessages, Done, PairRoomMessages } from '../../shared/messageMap.ts';
import { CLIENT_MSG, errorCodeOf, TEACHER_MSG, type PlayReply } from '../../shared/protocol.ts';

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

describe('a room\'s handlers', () => {
  type Sender = { sessionId: string; send: () => void };
  const played = checked(playPayloadSchema, (): PlayReply | undefined => undefined);
  const readied = checked(readyPayloadSchema, (): Done => ({}));
  const unknown = (): void => undefined;

  it('must cover the map exactly, with each payload\'s schema and reply (the @ts-expect-error lines fail tsc if they compile)', () => {
    const handlers = { play: played, ready: readied, _: unknown } satisfies RoomHandlers<PairRoomMessages, Sender>;
    // @ts-expect-error: a misspelt message name
    const misspelt = { play: played, reddy: readied, _: unknown } satisfies RoomHandlers<PairRoomMessages, Sender>;
    // @ts-expect-error: `ready` checked with play's schema
    const swapped = { play: played, ready: checked(playPayloadSchema, (): Done => ({})), _: unknown } satisfies RoomHandlers<PairRoomMessages, Sender>;
    expect(Object.keys(handlers)).toEqual(['play', 'ready', '_']);
    expect([misspelt, swapped]).toHaveLength(2);
  });

  it('refuses a payload its schema does not take with invalidPayload, as a rejected request', () => {
    let rejected: unknown = null;
    const ctx = { id: 1, reject: (reason: unknown) => { rejected = reason; } };
    expect(played({ sessionId: 'a', send: () => undefined }, { card: 'SYN', points: 99 }, ctx as never)).toBeUndefined();
    expect(rejected).toEqual({ code: 'invalidPayload' });
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
