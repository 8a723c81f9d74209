import { Protocol, type Client } from '@colyseus/core';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { socketOf } from '../../server/rooms/seated/oneWrite.ts';
import { CLIENT_MSG } from '../../shared/protocol.ts';
import { bootGame, followHints, pairUp, play, until, type PairRoom, type TestServer } from './gameServer.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

/** The Colyseus message codes in one socket write: the first payload byte of each WebSocket frame. */
function frameCodes(bytes: Buffer): number[] {
  const codes: number[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    let length = bytes[at + 1]! & 0x7f;
    let header = 2;
    if (length === 126) { length = bytes.readUInt16BE(at + 2); header = 4; }
    else if (length === 127) { length = Number(bytes.readBigUInt64BE(at + 2)); header = 10; }
    // Server frames are not masked; a control frame (a ping) carries no Colyseus code.
    if ((bytes[at]! & 0x0f) === 0x2 && length > 0) codes.push(bytes[at + header]! & 0x1f);
    at += header + length;
  }
  return codes;
}

/**
 * Records the system-level writes (`_write` or `_writev` calls) on the server's socket to
 * `room`'s player, each as the Colyseus message codes it carries.
 */
function recordWrites(room: PairRoom): number[][] {
  const serverClient = colyseus.getRoomById(room.roomId).clients.getById(room.sessionId) as Client;
  const socket = socketOf(serverClient) as Duplex & {
    _write: (chunk: Buffer, ...rest: unknown[]) => void;
    _writev: (chunks: { chunk: Buffer }[], ...rest: unknown[]) => void;
  };
  expect(socket).toBeDefined();
  const writes: number[][] = [];
  const write = socket._write;
  socket._write = function (this: unknown, chunk, ...rest) {
    writes.push(frameCodes(chunk));
    return write.call(this, chunk, ...rest);
  };
  const writev = socket._writev;
  socket._writev = function (this: unknown, chunks, ...rest) {
    writes.push(frameCodes(Buffer.concat(chunks.map((c) => c.chunk))));
    return writev.call(this, chunks, ...rest);
  };
  return writes;
}

describe('a card played', () => {
  it('reaches its player as one write, the patch showing it and the verdict together', async () => {
    const { a } = await pairUp(colyseus, ['handshake']);
    const toA = recordWrites(a);
    await play(a, { card: 'SYN' });
    expect(a.state.segments.length).toBe(1);
    // Other writes may come meanwhile on a busy machine (a ping, a clock patch); the verdict's
    // write is the one that matters, and it carries the patch before the verdict.
    const verdictWrites = toA.filter((codes) => codes.includes(Protocol.ROOM_RESPONSE));
    expect(verdictWrites).toHaveLength(1);
    expect(verdictWrites[0]).toEqual([Protocol.ROOM_STATE_PATCH, Protocol.ROOM_RESPONSE]);
  });
});

describe('a ready between rounds', () => {
  it('reaches its player as one write, the patch showing it ready and the reply together', async () => {
    const { a, b } = await pairUp(colyseus, ['handshake', 'handshake']);
    await Promise.all([followHints(a), followHints(b)]);
    await until(a, (s) => s.phase === 'between');
    const toA = recordWrites(a);
    await a.request(CLIENT_MSG.ready);
    const replyWrites = toA.filter((codes) => codes.includes(Protocol.ROOM_RESPONSE));
    expect(replyWrites).toHaveLength(1);
    expect(replyWrites[0]).toEqual([Protocol.ROOM_STATE_PATCH, Protocol.ROOM_RESPONSE]);
  });
});
