/**
 * Classes brought back by a restart. A class its teacher did not end is still open in the
 * database (the process was stopped with SIGTERM, or killed) with its code, roster, settings
 * and rounds, so at start-up each comes back as a room under the same code, before anyone
 * returns: students' pages then come back by code with their tokens, the teacher's with the
 * secret. Only the server opens such a room: the codes it is reviving are held here, and a
 * create that names any other code (a client trying its luck) is refused.
 */
import { logger, matchMaker } from '@colyseus/core';
import { ROOM } from '../../../shared/protocol.ts';
import type { ClassStore } from '../../storage/classes.ts';

/** The room option that asks for a revival, and its value: the class's code. */
export interface RevivalOption {
  readonly revive?: unknown;
}

const reviving = new Set<string>();

/** Whether the server itself is opening the room for `code` now (and only once). */
export function claimRevival(code: unknown): code is string {
  return typeof code === 'string' && reviving.delete(code);
}

/**
 * Opens a room for every class left open by the last run; returns their codes. A class that
 * cannot come back (its code held by a live room) is reported and left as it is.
 */
export async function reviveOpenClasses(classes: ClassStore): Promise<string[]> {
  const revived: string[] = [];
  for (const { code } of await classes.openClasses()) {
    reviving.add(code);
    try {
      await matchMaker.createRoom(ROOM.classroom, { revive: code } satisfies RevivalOption);
      revived.push(code);
    } catch (error) {
      logger.error(`class ${code} could not be revived:`, error);
    } finally {
      reviving.delete(code);
    }
  }
  return revived;
}
