import { Client, type Room } from '@colyseus/sdk';
import { ROOM, errorCodeOf, type ErrorCode, type PairJoinOptions } from '../../shared/protocol.ts';
import { resumeToken } from './resumeToken.ts';
import { RoomSession } from './roomSession.ts';

/** Why entering a room failed: a protocol error code, or no server to talk to. */
export type JoinFailure = ErrorCode | 'unreachable';

export type JoinResult = { readonly ok: true; readonly session: RoomSession } | { readonly ok: false; readonly failure: JoinFailure };

/** The game server is the page's own origin; `?server=` points a dev page at another one. */
function serverUrl(): string {
  return new URLSearchParams(location.search).get('server') ?? location.origin;
}

const client = new Client(serverUrl());

async function enter(join: () => Promise<Room>): Promise<JoinResult> {
  try {
    const room = await join();
    return { ok: true, session: new RoomSession(client, room) };
  } catch (error) {
    // fetch rejects with a TypeError when there is no server at all.
    if (error instanceof TypeError) return { ok: false, failure: 'unreachable' };
    return { ok: false, failure: errorCodeOf(error) };
  }
}

/** Quick match, solo against a bot, or a new private room. */
export function openRoom(options: PairJoinOptions): Promise<JoinResult> {
  return enter(() => (options.mode === 'quick' ? client.joinOrCreate(ROOM.pair, options) : client.create(ROOM.pair, options)));
}

/** A friend's private room: its code is its room id. */
export function joinByCode(code: string, options: PairJoinOptions): Promise<JoinResult> {
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
