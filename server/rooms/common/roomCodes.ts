/**
 * Short room codes that are easy to read aloud and type: letters and digits without the ones
 * people confuse (0/O, 1/I/L). A pair room's code is its Colyseus roomId, so the SDK's
 * `joinById(code)` is how a friend joins, and an unknown code is Colyseus's own "room not
 * found" (522).
 */
import { randomInt } from 'node:crypto';
import type { Presence } from '@colyseus/core';
import { CODE_ALPHABET, LIMITS } from '../../../shared/protocol.ts';

/** Presence set of the codes in use, shared by every process that shares the presence. */
const CODES_IN_USE = 'tcp-tango:room-codes';

/** Enough tries that a collision is never the reason a room cannot open (31^5 ≈ 28 million codes). */
const MAX_TRIES = 20;

/** One random code; `pick(n)` returns an integer in [0, n). */
export function randomCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < LIMITS.roomCodeLength; i++) code += CODE_ALPHABET[pick(CODE_ALPHABET.length)];
  return code;
}

/**
 * Reserves a code nobody else holds; give it back with `releaseRoomCode`. `isFree` can refuse
 * codes for other reasons (a class's code is never reused, since its report is found by it).
 */
export async function claimRoomCode(
  presence: Presence, pick?: (n: number) => number, isFree: (code: string) => boolean | Promise<boolean> = () => true,
): Promise<string> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const code = randomCode(pick);
    if (!(await isFree(code))) continue;
    // Check-then-add is not atomic across processes, but two rooms drawing the same code in
    // the same millisecond out of 28 million is not worth a lock (LocalPresence's sadd
    // does not say whether it added).
    if ((await presence.sismember(CODES_IN_USE, code)) === 1) continue;
    await presence.sadd(CODES_IN_USE, code);
    return code;
  }
  throw new Error('no free room code');
}

/** Takes back a known code (a class revived after a restart); false if a live room holds it. */
export async function holdRoomCode(presence: Presence, code: string): Promise<boolean> {
  if ((await presence.sismember(CODES_IN_USE, code)) === 1) return false;
  await presence.sadd(CODES_IN_USE, code);
  return true;
}

export async function releaseRoomCode(presence: Presence, code: string): Promise<void> {
  await presence.srem(CODES_IN_USE, code);
}
