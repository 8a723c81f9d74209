/**
 * Room for a big state. Colyseus encodes a room's whole state for each client that joins into a
 * buffer of `Encoder.BUFFER_SIZE` (16 KB) that it makes once per room; a bigger state is encoded
 * into a grown copy that it does not keep (SchemaSerializer's `fullEncodeBuffer`), so each join
 * encoded the state twice and logged a "buffer overflow" warning: one per student as a class of
 * 200 came in. Patches are encoded into the encoder's own buffer, which Colyseus does keep once
 * grown, but only after a warning per step of 16 KB. Raising `Encoder.BUFFER_SIZE` for all would
 * give every pair room, whose state is a few KB, buffers of that size.
 */
import type { Room } from '@colyseus/core';

interface Buffers {
  fullEncodeBuffer?: Uint8Array;
  encoder?: { sharedBuffer?: Uint8Array };
}

/** Gives `room` encoding buffers of `bytes` (call in onCreate, once its state is set). */
export function roomForState(room: Room, bytes: number): void {
  // Private in Colyseus's types; both fields are read at every encoding, so a bigger one is used from now on.
  const serializer = (room as unknown as { _serializer?: Buffers })._serializer;
  if (!serializer) return;
  const grown = (buffer: Uint8Array): Uint8Array => {
    if (buffer.byteLength >= bytes) return buffer;
    const bigger = new Uint8Array(bytes);
    // The first byte is the frame's protocol code, written once when the state was set.
    bigger.set(buffer.subarray(0, 1));
    return bigger;
  };
  if (serializer.fullEncodeBuffer) serializer.fullEncodeBuffer = grown(serializer.fullEncodeBuffer);
  if (serializer.encoder?.sharedBuffer) serializer.encoder.sharedBuffer = grown(serializer.encoder.sharedBuffer);
}
