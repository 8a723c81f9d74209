/**
 * Puts the per-address limits (addressLimits.ts) in front of Colyseus's matchmaking. Colyseus
 * answers `POST /matchmake/:method/:room` with its own router, which hands the controller the
 * client's address only from forwarding headers (anyone can send those); so every request is
 * first stamped with the address it really came from (`stampClientAddresses`), and the
 * controller's `invokeMethod`, the one place every matchmaking call passes, counts by it.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { matchMaker, ServerError, type Presence, type Room } from '@colyseus/core';
import type { Request } from 'express';
import { ERROR_CODES, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { AddressLimits, type AddressLimitRules } from './addressLimits.ts';

/** The header that carries the client's address from the outermost listener to the rest. */
const ADDRESS_HEADER = 'x-real-ip';
const FORWARDING_HEADERS = ['x-real-ip', 'x-forwarded-for', 'x-client-ip'] as const;

/** HTTP status of a refusal for too much from one address. */
const TOO_MANY = 429;
/** HTTP status of a refusal for speaking another protocol version: the client has to change, not retry. */
const CONFLICT = 409;
/** HTTP status while draining: nginx's `proxy_next_upstream http_503` retries another process. */
const UNAVAILABLE = 503;

/**
 * Presence names by which the guards of a cluster tell each other what happened in their rooms:
 * a seat reserved through one process is often taken in a room of another, and a room opened
 * through one may live in another.
 */
const SEAT_TAKEN = 'tcp-tango:guard:seat-taken';
const ROOM_CLOSED = 'tcp-tango:guard:room-closed';
const UNCLAIMED_ROOMS = 'tcp-tango:guard:unclaimed-rooms';

export interface GuardRules extends AddressLimitRules {
  /** Behind a reverse proxy: the address is the last one it added to X-Forwarded-For. */
  readonly trustProxy: boolean;
}

type AnyHeaders = IncomingMessage['headers'] | Headers | undefined;

function header(headers: AnyHeaders, name: string): unknown {
  return headers instanceof Headers ? headers.get(name) : headers?.[name];
}

/** The address a request came from, as stamped; "unknown" only for a request that was not. */
function stampedAddress(headers: AnyHeaders): string {
  const value = header(headers, ADDRESS_HEADER);
  return typeof value === 'string' && value !== '' ? value : 'unknown';
}

/**
 * Whether a call says it speaks another protocol version than this server. Saying nothing is
 * speaking the current one: only our web client says (a page left open across a deploy keeps its
 * old code); a tool or a third-party client follows PROTOCOL.md as it stands.
 */
function speaksOtherProtocol(headers: AnyHeaders): boolean {
  const said = header(headers, PROTOCOL_HEADER);
  return said !== null && said !== undefined && said !== String(PROTOCOL_VERSION);
}

/** The client address of an Express request, for the QR and report routes. */
export function addressOf(req: Request): string {
  return stampedAddress(req.headers);
}

/**
 * Stamps every request with the address it came from, replacing whatever forwarding headers
 * the client sent (unless a trusted proxy added them). Called once the server listens, like the
 * body cap, so that it runs before Colyseus's listener.
 */
export function stampClientAddresses(server: Server, trustProxy: boolean): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1) : undefined;
    const address = forwarded ?? req.socket.remoteAddress ?? 'unknown';
    for (const h of FORWARDING_HEADERS) delete req.headers[h];
    req.headers[ADDRESS_HEADER] = address;
    for (const listener of listeners) listener.call(server, req, res);
  });
}

const isOurs = (message: unknown): boolean => (ERROR_CODES as readonly unknown[]).includes(message);

type RoomEvents = {
  on(event: 'create' | 'dispose', listener: (room: Room) => void): unknown;
  on(event: 'join', listener: (room: Room, client: { sessionId: string }) => void): unknown;
};

/**
 * The guard of one server. Colyseus's matchmaker is one per process, so the newest guard is
 * the one the controller asks (tests boot several servers in turn).
 */
export class MatchmakingGuard {
  readonly limits: AddressLimits;
  private readonly rules: GuardRules;
  private readonly now: () => number;
  /** Rooms created and not yet claimed by the matchmaking call that opened them. */
  private readonly unclaimed = new Set<string>();
  /** The presence shared with other processes (Redis), once `shareThrough` is called. */
  private shared: Presence | undefined;
  /** While true every matchmaking call but a reconnection is refused (drain.ts). */
  private closed: () => boolean = () => false;

  constructor(rules: GuardRules, now: () => number = Date.now) {
    this.rules = rules;
    this.now = now;
    this.limits = new AddressLimits(rules);
    current = this;
  }

  /** Refuses matchmaking (but reconnections) while `closed()` says so. */
  closeWhen(closed: () => boolean): void {
    this.closed = closed;
  }

  /**
   * Counts with the other processes of a cluster: seats taken and rooms closed in their rooms
   * settle what this process reserved and opened. Only for a presence other processes share.
   */
  async shareThrough(presence: Presence): Promise<void> {
    this.shared = presence;
    await presence.subscribe(SEAT_TAKEN, (sessionId: unknown) => {
      if (typeof sessionId === 'string') this.limits.taken(sessionId);
    });
    await presence.subscribe(ROOM_CLOSED, (roomId: unknown) => {
      if (typeof roomId === 'string') this.limits.closed(roomId);
    });
  }

  /** Follows a room type's rooms: who opened them, seats taken, rooms closed; short reservations. */
  watch<H extends RoomEvents>(handler: H): H {
    handler.on('create', (room) => {
      this.unclaimed.add(room.roomId);
      if (this.shared) void this.shared.sadd(UNCLAIMED_ROOMS, room.roomId);
      // A room reached by matchmaking holds an unused seat only briefly. A class's pair rooms are
      // locked from the start and keep their own reservation time (the class's seat wait).
      if (!room.locked) room.seatReservationTimeout = Math.max(1, Math.ceil(this.rules.seatReservationMs / 1000));
    });
    handler.on('join', (_room, client) => {
      this.limits.taken(client.sessionId);
      if (this.shared) void this.shared.publish(SEAT_TAKEN, client.sessionId);
    });
    handler.on('dispose', (room) => {
      this.unclaimed.delete(room.roomId);
      this.limits.closed(room.roomId);
      if (this.shared) {
        void this.shared.srem(UNCLAIMED_ROOMS, room.roomId);
        void this.shared.publish(ROOM_CLOSED, room.roomId);
      }
    });
    return handler;
  }

  async invoke(invoke: Invoke, method: string, roomName: string, clientOptions: unknown, auth: AuthContext): Promise<unknown> {
    if (method !== 'reconnect' && this.closed()) throw new ServerError(UNAVAILABLE, 'serverRestarting');
    const address = stampedAddress(auth?.headers);
    let opens = method === 'create' || method === 'joinOrCreate';
    let refused = this.limits.admit(address, opens, this.now());
    // A quick match still finds a waiting partner when the address may open no more rooms.
    const roomRefusal = refused;
    if (refused && method === 'joinOrCreate' && refused !== 'tooManyAttempts') {
      refused = this.limits.admit(address, false, this.now());
      if (!refused) [method, opens] = ['join', false];
    }
    if (refused) throw new ServerError(TOO_MANY, refused);
    if (speaksOtherProtocol(auth?.headers)) {
      this.limits.settled(address, opens);
      throw new ServerError(CONFLICT, 'outdatedClient');
    }
    const downgraded = roomRefusal !== undefined;
    let seat: { sessionId?: unknown; roomId?: unknown };
    try {
      seat = (await invoke(method, roomName, clientOptions, auth)) as typeof seat;
    } catch (error) {
      this.limits.settled(address, opens);
      // No room to join, and this address may open none: say why, not "no rooms found".
      if (downgraded) throw new ServerError(TOO_MANY, roomRefusal);
      if (method === 'joinById' && !(error instanceof ServerError && isOurs(error.message) && error.message.startsWith('tooMany'))) {
        this.limits.failed(address, this.now());
      }
      throw error;
    }
    // A reconnection takes back a seat that was already the client's: nothing new is held.
    if (method !== 'reconnect' && typeof seat.sessionId === 'string' && typeof seat.roomId === 'string') {
      const opened = opens && (this.unclaimed.delete(seat.roomId) || await this.claimedElsewhere(seat.roomId));
      this.limits.reserved(address, seat.sessionId, seat.roomId, opened, this.now());
    }
    this.limits.settled(address, opens);
    return seat;
  }

  /** Whether a room another process created was opened by this call (and is now claimed). */
  private async claimedElsewhere(roomId: string): Promise<boolean> {
    return this.shared !== undefined && Number(await this.shared.srem(UNCLAIMED_ROOMS, roomId)) === 1;
  }
}

type Invoke = (method: string, roomName: string, clientOptions: unknown, auth: AuthContext) => Promise<unknown>;
type AuthContext = { headers?: Headers } | undefined;

let current: MatchmakingGuard | undefined;
let installed = false;

/** Wraps the matchmaking controller once per process; each call goes to the newest guard. */
export function guardMatchmaking(): void {
  if (installed) return;
  installed = true;
  const controller = matchMaker.controller;
  const invoke = controller.invokeMethod.bind(controller) as unknown as Invoke;
  controller.invokeMethod = ((method: string, roomName: string, clientOptions: unknown, auth: AuthContext) =>
    current ? current.invoke(invoke, method, roomName, clientOptions, auth) : invoke(method, roomName, clientOptions, auth)
  ) as unknown as typeof controller.invokeMethod;
}
