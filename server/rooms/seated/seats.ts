/**
 * The seats of a seated match (a pair room, a challenge). A seat belongs to a player (or a bot)
 * for the whole match; the role it plays alternates every round, so each player practises both
 * ends of the connection. Seats are read everywhere but changed only by their table
 * (seatTable.ts), through its named transitions.
 */
import { peerOf, type Role } from '../../../shared/match/cards.ts';

export interface Seat {
  /** The player's Colyseus sessionId; a bot that replaces a player keeps it. */
  readonly id: string;
  /** In a class's pair room: the student this seat belongs to, whoever plays it now. */
  readonly studentId?: string;
  readonly nickname: string;
  readonly isBot: boolean;
  readonly connected: boolean;
  /** The role in round 1. */
  readonly firstRole: Role;
  /** Points of the rounds already played. */
  readonly banked: number;
  readonly ready: boolean;
  /** The player joined with `moveJudged: true`; kept with the seat, so it outlasts a reconnection. */
  readonly wantsMoves?: boolean;
}

/** Round 1 uses each seat's first role; every later round swaps. */
export function roleIn(seat: Seat, round: number): Role {
  return round % 2 === 1 ? seat.firstRole : peerOf(seat.firstRole);
}

/** A seat for a newcomer: the role nobody holds yet, the client if the room is empty. */
export function newSeat(seats: Iterable<Seat>, id: string, nickname: string, isBot: boolean): Seat {
  const taken = [...seats].map((s) => s.firstRole);
  const firstRole: Role = taken.includes('client') ? 'server' : 'client';
  return { id, nickname, isBot, connected: true, firstRole, banked: 0, ready: isBot };
}

/**
 * The clients a `moveJudged` about a move of `role` skips: those whose seat did not ask for it,
 * and the player of that role whose card is being judged (`playing`), who has the verdict as
 * the reply to `play`.
 */
export function notHearingMoves<C extends { readonly sessionId: string }>(
  clients: readonly C[], seats: { get(id: string): Seat | undefined }, role: Role,
  playing: { readonly client: C; readonly role: Role } | null,
): C[] {
  const replied = playing?.role === role ? playing.client : null;
  return clients.filter((c) => {
    const seat = seats.get(c.sessionId);
    return c === replied || !seat || !wantsMoves(seat);
  });
}

/** The seat's player joined asking for every judged move (`moveJudged`). */
export function wantsMoves(seat: Seat): boolean {
  return seat.wantsMoves === true;
}
