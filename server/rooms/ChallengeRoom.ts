/**
 * A timed challenge: one person and a bot, or two people together, play scenario after scenario
 * against the clock. The daily challenge uses the day's seed, so everyone that day meets the
 * same scenarios, ISNs and losses; a free challenge a fresh one. Cards come as in a pair room
 * (`play`); the points are the server's own count and there is no message that sets them.
 */
import { CloseCode, Room, ServerError, ErrorCode as ColyseusError, logger, type AuthContext, type Client, type MessageContext } from '@colyseus/core';
import { randomInt } from 'node:crypto';
import { challengeDay, dailySeed } from '../../shared/challenge/plan.ts';
import type { ChallengeEvent, ChallengeState } from '../../shared/challenge/run.ts';
import { toMoveView } from '../../shared/match/moveView.ts';
import type { Role } from '../../shared/match/cards.ts';
import {
  CLIENT_MSG, SERVER_MSG, type ChallengeJoinOptions, type ChallengeResultPayload, type ErrorCode, 
  type NoticeCode, type NoticePayload, type PlayPayload, type PlayReply,
} from '../../shared/protocol.ts';
import { challengeJoinOptionsSchema, playPayloadSchema } from '../../shared/validation.ts';
import type { ChallengeRoomConfig } from '../config.ts';
import type { Stores } from '../storage/stores.ts';
import { roomAlarm } from './alarm.ts';
import { oneWriteForThisMessage } from './oneWrite.ts';
import { ChallengeClock, type ChallengeSeat } from './ChallengeClock.ts';
import { seatHeld, type SeatListing } from './seatListing.ts';
import { settle } from './challengeSettlement.ts';
import { checked, RateLimit, refuse, tell, type RoomHandlers } from './refusals.ts';
import type { ChallengeRoomEvents, ChallengeRoomMessages } from '../../shared/messageMap.ts';
import { claimRoomCode, releaseRoomCode } from './roomCodes.ts';
import { ChallengeRoomState } from './schema/ChallengeRoomState.ts';
import { newSeat, notHearingMoves } from './seats.ts';

/** How often an otherwise idle room still tells clients the time, for their clocks. */
const CLOCK_SYNC_MS = 1000;

type ChallengeClient = Client<{
  auth: { nickname: string; playerId: string };
  messages: ChallengeRoomEvents;
}>;

type JoinOptions = ReturnType<typeof challengeJoinOptionsSchema.parse>;

/** What onCreate receives: the creator's options plus the server's, which clients cannot set. */
export type ChallengeCreateOptions = Partial<ChallengeJoinOptions> & { readonly server: ChallengeRoomConfig; readonly stores: Stores };

// ---- options ---------------------------------------------------------------------------------

/** Checks join options during matchmaking, before a seat is reserved; the error names the field. */
function parseJoinOptions(options: unknown): JoinOptions {
  const parsed = challengeJoinOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  const code: ErrorCode = field === 'nickname' ? 'badNickname' : field === 'playerId' ? 'badPlayerId' : 'badOptions';
  throw new ServerError(ColyseusError.AUTH_FAILED, code);
}

export class ChallengeRoom extends Room<{ state: ChallengeRoomState; metadata: SeatListing; client: ChallengeClient }> {
  // ---- state -----------------------------------------------------------------------------------

  override state = new ChallengeRoomState();
  override maxClients = 1;

  private config!: ChallengeRoomConfig;
  private stores!: Stores;
  private seed!: number;
  private challenge!: ChallengeClock;
  private limit!: RateLimit;
  private readonly seats = new Map<string, ChallengeSeat>();
  /** The end result of each person, kept to send again to someone who reconnects after the end. */
  private readonly results = new Map<string, ChallengeResultPayload>();
  /** The person whose card is being judged right now, if any. */
  private playing: { client: ChallengeClient; role: Role } | null = null;
  /** A bot played a person's seat at some point: the run is not a fair score. */
  private assisted = false;
  private changed = true;
  private readonly alarm = roomAlarm(this, () => this.challenge.tick());

  // ---- message handlers ------------------------------------------------------------------------

  override messages = {
    [CLIENT_MSG.play]: checked(playPayloadSchema, (client: ChallengeClient, payload, ctx) =>
      this.onPlay(client, payload, ctx)),
    // Anything else, a made-up `score` or `submitScore` included: an error back, and nothing changes.
    _: (client: ChallengeClient) => {
      this.clock.tick();
      if (this.limit.allows(client, undefined, this.clock.currentTime)) tell(client, 'unknownMessage');
    },
  } satisfies RoomHandlers<ChallengeRoomMessages, ChallengeClient>;

  private onPlay(client: ChallengeClient, payload: PlayPayload, ctx: MessageContext): PlayReply | undefined {
    // The clock moves on its own only every tickMs; a card is judged at the time it came.
    this.clock.tick();
    if (!this.limit.allows(client, ctx, this.clock.currentTime)) return undefined;
    const seat = this.seats.get(client.sessionId);
    if (!seat) return refuse(client, ctx, 'notSeated');
    if (this.state.finished) return refuse(client, ctx, 'challengeOver');
    if (!this.challenge.running) return refuse(client, ctx, 'roundNotRunning');
    const role = this.challenge.roleOf(seat);
    if (payload.role !== undefined && payload.role !== role) return refuse(client, ctx, 'notYourRole');
    this.playing = { client, role };
    const events = this.challenge.play({ role, card: payload.card, seq: payload.seq, ack: payload.ack });
    this.playing = null;
    // Time passed up to the card first, so the card's verdict is the last of this role's.
    const judged = events?.findLast((e) => e.type === 'moveJudged' && e.move.role === role && e.move.card !== null);
    if (events?.some((e) => e.type === 'inputRefused' && e.code === 'roundNotStarted')) return refuse(client, ctx, 'roundNotStarted');
    if (!judged || judged.type !== 'moveJudged') return refuse(client, ctx, 'challengeOver');
    // The partner sees the card now, not at the next tick; the player gets it with the verdict.
    oneWriteForThisMessage(client);
    this.broadcastPatch();
    return { move: toMoveView(judged.move) };
  }

  /**
   * Every verdict goes out at once to the clients that asked for it; the player who played gets
   * theirs as the reply instead, and a message nobody wants is not even encoded.
   */
  private forward(events: readonly ChallengeEvent[]): void {
    this.changed = true;
    for (const e of events) {
      if (e.type !== 'moveJudged') continue;
      const skip = notHearingMoves(this.clients, this.seats, e.move.role, this.playing);
      if (skip.length < this.clients.length) this.broadcast(SERVER_MSG.moveJudged, { move: toMoveView(e.move) }, { except: skip });
    }
  }

  /** The time is up: each person's result is stored (when it counts) and sent to them. */
  private finish(challenge: ChallengeState): void {
    const run = { kind: this.state.kind, day: this.state.day, challenge, assisted: this.assisted };
    for (const seat of this.seats.values()) {
      if (!seat.playerId || seat.isBot) continue;
      const result = settle(this.stores.challenges, run, { playerId: seat.playerId, nickname: seat.nickname, firstRole: seat.firstRole }, Date.now());
      this.results.set(seat.id, result);
      this.clients.getById(seat.id)?.send(SERVER_MSG.challengeResult, result);
    }
  }

  private notify(code: NoticeCode, about: ChallengeSeat, options: { except?: ChallengeClient } = {}): void {
    const payload: NoticePayload = about.nickname ? { code, nickname: about.nickname } : { code };
    this.broadcast(SERVER_MSG.notice, payload, options.except ? { except: options.except } : {});
  }

  private start(): void {
    const { difficulty, speed, seats } = this.state;
    const { durationMs, getReadyMs, timing } = this.config;
    this.challenge.start({ seed: this.seed, difficulty, speed, seats, durationMs, getReadyMs, ...(timing ? { timing } : {}) });
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  static override async onAuth(_token: string, options: unknown, _context: AuthContext) {
    const { nickname, playerId } = parseJoinOptions(options);
    return { nickname, playerId };
  }

  override async onCreate(options: ChallengeCreateOptions): Promise<void> {
    const { server, stores, ...fromClient } = options;
    const joined = parseJoinOptions(fromClient);
    this.config = server;
    this.stores = stores;
    const day = challengeDay(Date.now());
    // The daily seed is fixed when the room opens, so a pair that starts at midnight keeps its day.
    this.seed = joined.kind === 'daily' ? dailySeed(day) : (server.freeSeed ?? randomInt(2 ** 31));
    this.roomId = await claimRoomCode(this.presence);
    // Never matched by joinOrCreate: a partner comes with the code, a solo room takes nobody else.
    await this.setPrivate(true);
    this.maxClients = joined.seats === 'pair' ? 2 : 1;
    Object.assign(this.state, {
      code: this.roomId, kind: joined.kind, seats: joined.seats, day, difficulty: joined.difficulty, speed: joined.speed,
      seatKeptSeconds: server.reconnectSeconds,
    });
    this.metadata = { partnerRoom: joined.seats === 'pair', seatHeld: false };
    this.challenge = new ChallengeClock({
      view: this.state, seats: this.seats, bot: server.bot, clock: this.clock, alarm: this.alarm,
      onEvents: (events) => this.forward(events), onFinish: (challenge) => this.finish(challenge),
    });
    this.limit = new RateLimit({ perSecond: server.messagesPerSecond, burst: server.messageBurst });
    this.maxMessagesPerSecond = server.disconnectAbovePerSecond;
    // The alarm moves the challenge on and patches at once; this tick sends what joins and leaves changed.
    this.patchRate = server.tickMs;
  }

  override onJoin(client: ChallengeClient, options: ChallengeJoinOptions): void {
    const { nickname, playerId } = client.auth ?? parseJoinOptions(options);
    // One person, one seat: the same browser in both seats would play (and count) twice.
    if ([...this.seats.values()].some((s) => s.playerId === playerId)) throw new ServerError(ColyseusError.AUTH_FAILED, 'badPlayerId');
    const wantsMoves = options.moveJudged === true;
    this.seats.set(client.sessionId, { ...newSeat(this.seats, client.sessionId, nickname, false), playerId, wantsMoves });
    if (this.state.seats === 'solo') {
      this.seats.set('bot', { ...newSeat(this.seats, 'bot', '', true), playerId: null });
    }
    this.showPlayers();
    if (this.seats.size === 2) {
      // Both seats are taken for the whole challenge: a seat a bot plays later is not a vacancy.
      void this.lock();
      this.start();
    }
  }

  private showPlayers(): void {
    this.challenge.showPlayers();
    // A join by code refused while a seat waits for its player says so (seatListing.ts).
    const held = seatHeld(this.seats.values());
    if (held !== this.metadata.seatHeld) void this.setMetadata({ ...this.metadata, seatHeld: held });
  }

  override onDrop(client: ChallengeClient, code?: number): void {
    const seat = this.seats.get(client.sessionId);
    // A server shutting down disposes the room; there is nothing to come back to.
    if (!seat || code === CloseCode.SERVER_SHUTDOWN) return;
    seat.connected = false;
    this.showPlayers();
    this.notify('partnerLeft', seat, { except: client });
    // The clock does not stop for a reload: the challenge is against time.
    this.allowReconnection(client, this.config.reconnectSeconds);
  }

  override onReconnect(client: ChallengeClient): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    seat.connected = true;
    this.showPlayers();
    this.notify('partnerBack', seat, { except: client });
    const result = this.results.get(seat.id);
    if (result) client.send(SERVER_MSG.challengeResult, result);
  }

  override onLeave(client: ChallengeClient): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat || this.state.finished) return;
    if (!this.challenge.running) {
      this.seats.delete(seat.id);
      this.showPlayers();
      return;
    }
    // A solo challenge left before the end is abandoned: the room empties and nothing is stored.
    // In a pair the partner plays on beside a bot, and the run no longer counts.
    seat.isBot = true;
    seat.connected = true;
    this.assisted = true;
    this.showPlayers();
    this.notify('botTookOver', seat);
  }

  override async onDispose(): Promise<void> {
    this.alarm.cancel();
    if (this.state.code) await releaseRoomCode(this.presence, this.state.code);
  }

  override onBeforePatch(): void {
    // The time rides on patches that carry a change, plus one now and then for clients' clocks.
    const now = this.clock.currentTime;
    if (this.changed || now - this.state.serverTime >= CLOCK_SYNC_MS) {
      this.state.serverTime = now;
      this.changed = false;
    }
  }

  override onUncaughtException(error: Error, method: string): void {
    logger.error(`ChallengeRoom ${this.roomId} ${method}:`, error);
  }
}
