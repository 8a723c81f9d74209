import { Client, type Room } from '@colyseus/sdk';
import { ROOM, errorCodeOf, type ChallengeJoinOptions, type ErrorCode, type PairJoinOptions } from '../../shared/protocol.ts';
import { ChallengeSession } from './challengeSession.ts';
import { resumeToken } from './resumeToken.ts';
import { RoomSession } from './roomSession.ts';

/** Why entering a room failed: a protocol error code, or no server to talk to. */
export type JoinFailure = ErrorCode | 'unreachable';

export type JoinResult<S extends RoomSession = RoomSession> = { readonly ok: true; readonly session: S } | { readonly ok: false; readonly failure: JoinFailure };

/** The game server is the page's own origin; `?server=` points a dev page at another one. */
export function serverUrl(): string {
  return new URLSearchParams(location.search).get('server') ?? location.origin;
}

const client = new Client(serverUrl());

/** A challenge room's seat also hears the end result. */
function sessionFor(room: Room): RoomSession {
  return room.name === ROOM.challenge ? new ChallengeSession(client, room) : new RoomSession(client, room);
}

/** Longer than a first state ever takes; only a safety net should the SDK deliver it before join resolves. */
const FIRST_STATE_MS = 3000;

/**
 * Join resolves on the room's handshake, before its first full state: a screen chosen from that
 * empty state is the wrong one (a quick match flashed "Round complete" before its waiting screen).
 */
function firstState(room: Room): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Removed after the SDK's loop over its handlers: removing inside it would skip the next one.
      queueMicrotask(() => room.onStateChange.remove(done));
      resolve();
    };
    const timer = setTimeout(done, FIRST_STATE_MS);
    room.onStateChange(done);
  });
}

async function enter<S extends RoomSession = RoomSession>(join: () => Promise<Room>): Promise<JoinResult<S>> {
  try {
    const room = await join();
    await firstState(room);
    return { ok: true, session: sessionFor(room) as S };
  } catch (error) {
    // fetch rejects with a TypeError when there is no server at all.
    if (error instanceof TypeError) return { ok: false, failure: 'unreachable' };
    return { ok: false, failure: errorCodeOf(error) };
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

/** Takes back the seat of this tab after a reload; null when there is nothing to resume. */
export async function resume(): Promise<RoomSession | null> {
  const token = resumeToken.get();
  if (!token) return null;
  const result = await enter(() => client.reconnect(token));
  if (result.ok) return result.session;
  resumeToken.clear();
  return null;
}
