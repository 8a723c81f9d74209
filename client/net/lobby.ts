import { Client, type Room } from '@colyseus/sdk';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, ROOM, type ChallengeJoinOptions, type PairJoinOptions } from '../../shared/protocol.ts';
import { ChallengeSession } from './challengeSession.ts';
import { firstState } from './firstState.ts';
import { failureOf, type JoinFailure } from './joinFailure.ts';
import { HOLD_RENEW_MS } from './keptSeats.ts';
import { RoomSession } from './roomSession.ts';
import { seatKeys } from './seatKeys.ts';

export type JoinResult<S extends RoomSession = RoomSession> = { readonly ok: true; readonly session: S } | { readonly ok: false; readonly failure: JoinFailure };

/** The game server is the page's own origin; `?server=` points a dev page at another one. */
export function serverUrl(): string {
  return new URLSearchParams(location.search).get('server') ?? location.origin;
}

/** A client of the game server that says which protocol version this page's code speaks. */
export function gameClient(): Client {
  return new Client(serverUrl(), { headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } });
}

const client = gameClient();

/** A challenge room's seat also hears the end result. */
function sessionFor(room: Room): RoomSession {
  return room.name === ROOM.challenge ? new ChallengeSession(client, room) : new RoomSession(client, room);
}

async function enter<S extends RoomSession = RoomSession>(join: () => Promise<Room>): Promise<JoinResult<S>> {
  try {
    const room = await join();
    await firstState(room);
    return { ok: true, session: sessionFor(room) as S };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** The options of the last solo match this page opened, for "Play again". */
let lastSolo: PairJoinOptions | null = null;

/** Quick match, solo against a bot, or a new private room. */
export function openRoom(options: PairJoinOptions): Promise<JoinResult> {
  if (options.mode === 'solo') lastSolo = options;
  return enter(() => (options.mode === 'quick' ? client.joinOrCreate(ROOM.pair, options) : client.create(ROOM.pair, options)));
}

/** How this page last opened a solo match, for "Play again"; null when it opened none (e.g. after a reload). */
export function lastSoloOptions(): PairJoinOptions | null {
  return lastSolo;
}

/** A friend's private room: its code is its room id. */
export function joinByCode(code: string, options: PairJoinOptions): Promise<JoinResult> {
  return enter(() => client.joinById(code, options));
}

/** A new timed challenge: solo starts at once, a pair one waits for the partner's code. */
export function createChallenge(options: ChallengeJoinOptions): Promise<JoinResult<ChallengeSession>> {
  return enter(() => client.create(ROOM.challenge, options));
}

/** A partner's pair challenge: its code is its room id; the creator's settings count. */
export function joinChallenge(code: string, options: Pick<ChallengeJoinOptions, 'nickname' | 'playerId' | 'locale'>): Promise<JoinResult<ChallengeSession>> {
  return enter(() => client.joinById(code, options));
}

/**
 * Takes back this browser's seat in room `code` (after a reload, a closed tab or a closed
 * browser); null when this browser has no seat there. A seat that cannot be taken back says
 * why: open in another tab, or no longer kept (the window is over, or the room is gone).
 */
export async function resumeSeat(code: string): Promise<JoinResult | null> {
  let seat = seatKeys.lookUp(code);
  if (seat.kind === 'otherTab') {
    // A page that has the seat open renews its claim every few seconds; a page that closed
    // without letting go (a crash, a browser closed before its last write) never does again.
    const { heldAt } = seat;
    await new Promise((resolve) => setTimeout(resolve, HOLD_RENEW_MS * 1.5));
    if (seatKeys.renewedSince(code, heldAt)) return { ok: false, failure: 'seatInOtherTab' };
    seatKeys.release(code);
    seat = seatKeys.lookUp(code);
  }
  if (seat.kind === 'none') return null;
  if (seat.kind === 'otherTab') return { ok: false, failure: 'seatInOtherTab' };
  if (seat.kind === 'expired') {
    seatKeys.forget(code);
    return { ok: false, failure: 'seatExpired' };
  }
  seatKeys.claim(code);
  const result = await enter(() => client.reconnect(seat.token));
  if (result.ok) return result;
  // No answer, or a server newer than this page (which reloads itself): the seat is still there for the next try.
  if (result.failure === 'unreachable' || result.failure === 'outdatedClient') {
    seatKeys.letGo(code, seat.token);
    return result;
  }
  // 522 (the room is gone) or 524 (the room no longer takes the token): the seat is not kept.
  seatKeys.forget(code, seat.token);
  return { ok: false, failure: 'seatExpired' };
}

/** The room of the seat this browser most recently had open, if one is remembered. */
export function keptSeatCode(): string | null {
  return seatKeys.latest();
}

/** Whether this browser can take its seat in `code` back now (for a "Resuming…" line). */
export function canResume(code: string): boolean {
  return seatKeys.lookUp(code).kind === 'resume';
}
