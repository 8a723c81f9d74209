/**
 * Why a join by code was refused, said truthfully. Colyseus answers a full room as it answers a
 * missing one (522, "not found" or "locked"), so a partner coming back to a room whose seat was
 * held for them heard "No room has that code". Rooms publish in their matchmaking metadata
 * whether a partner may join them by code and whether a seat is held for a dropped player; a
 * refused `joinById` then names the reason. A stranger learns no more than the QR route
 * (`GET /api/rooms/:code/qr.svg`) already tells of any code: that a room exists.
 */
import { ErrorCode as ColyseusError, matchMaker, ServerError, type IRoomCache } from '@colyseus/core';
import { ERROR_CODES, type ErrorCode } from '../../../shared/protocol.ts';

/** What a room says about its seats in its matchmaking metadata. */
export interface SeatListing {
  /** A room a partner joins by code: a private or quick pair room, a pair challenge. */
  readonly partnerRoom: boolean;
  /** A seat is kept for a player whose connection dropped; only their reconnection token takes it. */
  readonly seatHeld: boolean;
}

/** Whether any seat waits for its dropped player (a seat a bot plays waits for nobody). */
export function seatHeld(seats: readonly { readonly connected: boolean; readonly isBot: boolean }[]): boolean {
  // Indexed: a room asks at every step (SeatTable says why).
  for (let i = 0; i < seats.length; i++) if (!seats[i]!.connected && !seats[i]!.isBot) return true;
  return false;
}

/** The refusal for a join by code to a room that exists but took nobody; undefined to keep Colyseus's answer. */
export function refusalFor(listing: Pick<IRoomCache, 'metadata'> | undefined): ErrorCode | undefined {
  const seats = listing?.metadata as Partial<SeatListing> | undefined;
  if (seats?.seatHeld === true) return 'seatHeld';
  if (seats?.partnerRoom === true) return 'roomFull';
  return undefined;
}

const isOurs = (message: unknown): boolean => (ERROR_CODES as readonly unknown[]).includes(message);

/** The room's listing; the local driver answers at once, a Redis one with a promise that may fail. */
async function listingOf(roomId: string): Promise<IRoomCache | undefined> {
  try {
    return (await matchMaker.getRoomById(roomId)) ?? undefined;
  } catch {
    return undefined;
  }
}

let installed = false;

/**
 * Wraps the matchmaking controller (the object Colyseus documents as the place to adjust the
 * matchmaking routes) so that a refused `joinById` to a room that exists says why. Refusals a
 * room gave itself (a bad nickname) pass unchanged. Installed once per process.
 */
export function explainRefusedJoins(): void {
  if (installed) return;
  installed = true;
  const controller = matchMaker.controller;
  const invoke = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    try {
      return await invoke(method, roomName, clientOptions, authOptions);
    } catch (error) {
      // For joinById, `roomName` is the room's id: its code.
      if (method !== 'joinById' || !(error instanceof ServerError) || isOurs(error.message)) throw error;
      const refusal = refusalFor(await listingOf(roomName));
      if (!refusal) throw error;
      throw new ServerError(ColyseusError.MATCHMAKE_INVALID_ROOM_ID, refusal);
    }
  };
}
