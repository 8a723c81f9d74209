/**
 * The message path of every seated match: an intent is refused cheaply (over its sender's
 * budget, malformed, from nobody's seat, for the other role, when no card can be played) before
 * it reaches the engine; a card is judged at the time it came, the partner sees it at once, and
 * the player gets the verdict as the reply in the same socket write; every verdict goes out to
 * the clients that asked for it. Rooms give the rules (when a card may be played, which role a
 * seat plays); the desk is the same for all.
 */
import { performance } from 'node:perf_hooks';
import type { Clock, MessageContext } from '@colyseus/core';
import type { ZodType } from 'zod';
import type { Role } from '../../../shared/match/cards.ts';
import { toMoveView } from '../../../shared/match/moveView.ts';
import type { MoveRecord } from '../../../shared/match/types.ts';
import type { ErrorCode, MoveView, NoticeCode, NoticePayload, PlayPayload, PlayReply } from '../../../shared/protocol.ts';
import { playPayloadSchema } from '../../../shared/validation.ts';
import { countVerdict } from '../../metrics/gameMetrics.ts';
import { refuse, tell, type RateLimit, type Sender } from '../common/refusals.ts';
import { seatHeld } from '../common/seatListing.ts';
import { oneWriteForThisMessage } from './oneWrite.ts';
import type { SeatedEvent } from './roundPolicy.ts';
import { notHearingMoves, wantsMoves, type Seat } from './seats.ts';
import type { SeatTable } from './seatTable.ts';

/** What the desk needs of a connection. */
export type DeskClient = Sender & Parameters<typeof oneWriteForThisMessage>[0];

/** What the desk needs of its room. */
export interface DeskHost<C> {
  /** The room type, as the metrics name it. */
  readonly roomType: string;
  readonly clock: Clock;
  readonly seats: SeatTable<Seat>;
  readonly limit: RateLimit;
  clients(): readonly C[];
  broadcastNotice(payload: NoticePayload, except?: C): void;
  broadcastMove(move: MoveView, except: readonly C[]): void;
  /** Sends the state now rather than at the next tick. */
  patchNow(): void;
  /** Copies the seats into the synchronised player list (the clock's). */
  showPlayers(): void;
  /** Tells matchmaking whether a seat waits for its dropped player (seatListing.ts). */
  listSeatHeld(held: boolean): void;
}

/** What differs between seated rooms on the way of a card. */
export interface DeskRules<T extends Seat> {
  /** Why no card can be played now (no round running, paused, over), or null. */
  closed(): ErrorCode | null;
  roleOf(seat: T): Role;
  /** Steps the match with the card; null when nothing is running. */
  play(card: { role: Role; card: PlayPayload['card']; seq?: number; ack?: number }): readonly SeatedEvent[] | null;
  /** The refusal of a card that got no verdict (the round or the challenge is over). */
  readonly noVerdict: ErrorCode;
  /** A judged move, as it is forwarded (a class counts it for its student). */
  judged?(move: MoveRecord): void;
}

type Admitted<P> = { ok: true; value: P } | { ok: false };

export class CardDesk<C extends DeskClient, T extends Seat> {
  private readonly host: DeskHost<C>;
  private readonly rules: DeskRules<T>;
  /** The player whose card is being judged right now, if any: they have the verdict as the reply. */
  private playing: { client: C; role: Role } | null = null;

  constructor(host: DeskHost<C>, rules: DeskRules<T>) {
    this.host = host;
    this.rules = rules;
  }

  /**
   * A handler for an intent from a seated player. The clock catches up first (it moves on its
   * own only every tick); the message spends its sender's budget before its payload is even
   * checked, so malformed messages are limited as any others are.
   */
  seated<P, R>(schema: ZodType<P>, handle: (client: C, seat: T, payload: P, ctx: MessageContext) => R | undefined) {
    return (client: C, payload: unknown, ctx: MessageContext): R | undefined => {
      const admitted = this.admit(client, schema, payload, ctx);
      if (!admitted.ok) return undefined;
      const seat = this.host.seats.get(client.sessionId) as T | undefined;
      if (!seat) return refuse(client, ctx, 'notSeated');
      return handle(client, seat, admitted.value, ctx);
    };
  }

  /** `play`: the card is judged now and the verdict is the reply; the time it took is measured. */
  readonly play = (client: C, payload: unknown, ctx: MessageContext): PlayReply | undefined => {
    const arrived = performance.now();
    const reply = this.judge(client, payload, ctx);
    if (reply) countVerdict(this.host.roomType, reply.move.verdict, (performance.now() - arrived) / 1000);
    return reply;
  };

  private readonly judge = this.seated(playPayloadSchema, (client, seat, payload, ctx): PlayReply | undefined => {
    const closed = this.rules.closed();
    if (closed) return refuse(client, ctx, closed);
    const role = this.rules.roleOf(seat);
    if (payload.role !== undefined && payload.role !== role) return refuse(client, ctx, 'notYourRole');
    this.playing = { client, role };
    const events = this.rules.play({ role, card: payload.card, seq: payload.seq, ack: payload.ack });
    this.playing = null;
    const judged = verdictIn(events, role);
    if (judged === 'roundNotStarted') return refuse(client, ctx, 'roundNotStarted');
    if (!judged) return refuse(client, ctx, this.rules.noVerdict);
    // The partner sees the card now, not at the next tick; the player gets it with the verdict.
    oneWriteForThisMessage(client);
    this.host.patchNow();
    return { move: toMoveView(judged) };
  });

  /**
   * Any message type the room has no handler for, a made-up `score` included: an error back and
   * nothing changes, rather than Colyseus's default of closing the connection. Colyseus calls
   * this `(client, type, payload)` for a plain message, and `(client, payload, ctx)` for a
   * request of the type `'*'` itself, which must be refused as a request.
   */
  readonly unknown = (client: C, _type: unknown, third: unknown): void => {
    const ctx = isContext(third) ? third : undefined;
    this.host.clock.tick();
    if (!this.host.limit.allows(client, ctx, this.host.clock.currentTime)) return;
    if (ctx) ctx.reject({ code: 'unknownMessage' });
    else tell(client, 'unknownMessage');
  };

  /**
   * Every verdict goes out at once, not with the next patch, to the clients that asked for it;
   * the others read it from `moves`, and a message nobody wants is not even encoded.
   */
  forward(events: readonly SeatedEvent[]): void {
    // Indexed: this runs at every step (SeatTable says why).
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.type !== 'moveJudged') continue;
      this.rules.judged?.(e.move);
      // The common case (the web client never asks): nobody to filter the clients for.
      if (!this.host.seats.find(wantsMoves)) continue;
      const clients = this.host.clients();
      const skip = notHearingMoves(clients, this.host.seats, e.move.role, this.playing);
      if (skip.length < clients.length) this.host.broadcastMove(toMoveView(e.move), skip);
    }
  }

  /** The seats changed: the player list and the room's listing show it. */
  showPlayers(): void {
    this.host.showPlayers();
    // A join by code refused while a seat waits for its player says so (seatListing.ts).
    this.host.listSeatHeld(seatHeld(this.host.seats.values()));
  }

  /** A player's connection dropped: the seat is kept and the partner told. Undefined for nobody's seat. */
  dropped(client: C): T | undefined {
    const seat = this.host.seats.get(client.sessionId) as T | undefined;
    if (!seat) return undefined;
    this.host.seats.drop(seat.id);
    this.showPlayers();
    this.notify('partnerLeft', seat, client);
    return seat;
  }

  /** A player came back to their kept seat: the partner is told. */
  cameBack(client: C): T | undefined {
    const seat = this.host.seats.get(client.sessionId) as T | undefined;
    if (!seat) return undefined;
    this.host.seats.comeBack(seat.id);
    this.showPlayers();
    this.notify('partnerBack', seat, client);
    return seat;
  }

  /** A player left for good: a bot plays their seat so the partner can finish, and everyone is told. */
  handToBot(seat: T): void {
    this.host.seats.handToBot(seat.id);
    this.showPlayers();
    this.notify('botTookOver', seat);
  }

  /** Tells everyone (but `except`) what happened to a seat's player. */
  notify(code: NoticeCode, about: Seat, except?: C): void {
    const payload: NoticePayload = about.nickname ? { code, nickname: about.nickname } : { code };
    this.host.broadcastNotice(payload, except);
  }

  private admit<P>(client: C, schema: ZodType<P>, payload: unknown, ctx: MessageContext): Admitted<P> {
    this.host.clock.tick();
    if (!this.host.limit.allows(client, ctx, this.host.clock.currentTime)) return { ok: false };
    const parsed = schema.safeParse(payload);
    if (parsed.success) return { ok: true, value: parsed.data };
    // Refused like any refusal, so a client can switch on the code: a request is rejected, a
    // plain message answered with an `error` message; the connection stays. No stack is logged:
    // a malformed message is the sender's mistake, not the server's.
    refuse(client, ctx, 'invalidPayload');
    return { ok: false };
  }
}

/**
 * The verdict on `role`'s card among a step's events, or why there is none. Time passed up to the
 * card first, so the card's verdict is the last of this role's. A loop rather than `some` and
 * `findLast` with a closure each: this runs at every card.
 */
function verdictIn(events: readonly SeatedEvent[] | null, role: Role): MoveRecord | 'roundNotStarted' | null {
  if (!events) return null;
  let judged: MoveRecord | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'inputRefused' && e.code === 'roundNotStarted') return 'roundNotStarted';
    if (e.type === 'moveJudged' && e.move.role === role && e.move.card !== null) judged = e.move;
  }
  return judged;
}

/** The reply context Colyseus passes with a request; a decoded payload never has functions. */
function isContext(value: unknown): value is MessageContext {
  return typeof value === 'object' && value !== null && typeof (value as { reject?: unknown }).reject === 'function';
}
