/**
 * A pair room: two seats, a match of several rounds, and the shared engine as the only judge.
 * Clients send intents (`play`, `ready`); the room steps the engine with its own clock and
 * copies the result into the synchronised state. Empty seats and seats whose player does not
 * come back are played by a bot that lives in the room.
 */
import { CloseCode, Room, ServerError, ErrorCode as ColyseusError, logger, type AuthContext, type Client, type Delayed, type MessageContext } from '@colyseus/core';
import { randomInt } from 'node:crypto';
import { toMoveView } from '../../shared/match/moveView.ts';
import { makeSettings, type Difficulty, type MatchSettings, type Speed } from '../../shared/match/settings.ts';
import { ROLES, type Role } from '../../shared/match/cards.ts';
import { roundRecordOf } from '../../shared/capture/roundRecord.ts';
import type { MatchEvent, MatchState } from '../../shared/match/types.ts';
import {
  CLIENT_MSG, SERVER_MSG, type ErrorCode, type NoticeCode, type NoticePayload,
  type PairJoinOptions, type PairRoomMode, type PlayPayload, type PlayReply,
} from '../../shared/protocol.ts';
import { pairJoinOptionsSchema, playPayloadSchema, readyPayloadSchema } from '../../shared/validation.ts';
import type { PairRoomConfig } from '../config.ts';
import type { RoundResult } from '../storage/roundResults.ts';
import type { Stores } from '../storage/stores.ts';
import { roomAlarm } from './alarm.ts';
import { oneWriteForThisMessage } from './oneWrite.ts';
import { ClassLink, classSeats, type ClassPairSpec, type PairHost } from './classLink.ts';
import { checked, RateLimit, refuse, tell, type RoomHandlers } from './refusals.ts';
import type { Done, PairRoomEvents, PairRoomMessages } from '../../shared/messageMap.ts';
import { makePlaylist, type Playlist } from './playlist.ts';
import { claimRoomCode, releaseRoomCode } from './roomCodes.ts';
import { PairRoomState } from './schema/PairRoomState.ts';
import { newSeat, notHearingMoves, roleIn, type Seat } from './seats.ts';
import { seatHeld, type SeatListing } from './seatListing.ts';
import { RoundClock } from './RoundClock.ts';

/** How often an otherwise idle room still tells clients the time, for their clocks. */
const CLOCK_SYNC_MS = 1000;

type PairClient = Client<{
  /** A class's student comes with the seat the class reserved, which names them. */
  auth: { nickname: string; studentId?: string };
  messages: PairRoomEvents;
}>;

/** What onCreate receives: the creator's options plus the server's, which clients cannot set. */
export type PairCreateOptions = Partial<PairJoinOptions> & {
  readonly server: PairRoomConfig;
  readonly stores: Stores;
  /** Set only by a class room creating this pair on the server (client options cannot: onAuth refuses it). */
  readonly classroom?: ClassPairSpec;
};

/** Checks join options during matchmaking, before a seat is reserved; the error names the field. */
function parseJoinOptions(options: unknown): PairJoinOptions {
  const parsed = pairJoinOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const nicknameWrong = parsed.error.issues.some((i) => i.path[0] === 'nickname');
  const code: ErrorCode = nicknameWrong ? 'badNickname' : 'badOptions';
  throw new ServerError(ColyseusError.AUTH_FAILED, code);
}

/** What matchmaking filters a room by (app.ts `filterBy`): a quick match pairs like with like. */
type PairMetadata = { mode: PairRoomMode; difficulty: Difficulty; speed: Speed } & SeatListing;

export class PairRoom extends Room<{ state: PairRoomState; metadata: PairMetadata; client: PairClient }> {
  override state = new PairRoomState();
  override maxClients = 2;

  private config!: PairRoomConfig;
  /** The player whose card is being judged right now, if any. */
  private playing: { client: PairClient; role: Role } | null = null;
  /** The round moved on since the last patch. */
  private changed = true;
  private stores!: Stores;
  private settings!: MatchSettings;
  private playlist!: Playlist;
  private rounds!: RoundClock;
  private readonly seats = new Map<string, Seat>();
  private limit!: RateLimit;
  private botTimer: Delayed | undefined;
  private readonly alarm = roomAlarm(this, () => this.rounds.tick());
  /** Set when this room is one pair of a class's round. */
  private classLink: ClassLink | undefined;

  override messages = {
    [CLIENT_MSG.play]: checked(playPayloadSchema, (client: PairClient, payload, ctx) =>
      this.onPlay(client, payload, ctx)),
    [CLIENT_MSG.ready]: checked(readyPayloadSchema, (client: PairClient, _payload, ctx) =>
      this.onReady(client, ctx)),
    // Unknown types: an error back, not Colyseus's default of closing the connection.
    _: (client: PairClient) => {
      this.clock.tick();
      if (this.limit.allows(client, undefined, this.clock.currentTime)) tell(client, 'unknownMessage');
    },
  } satisfies RoomHandlers<PairRoomMessages, PairClient>;

  // ---- messages ------------------------------------------------------------------------------

  private onPlay(client: PairClient, payload: PlayPayload, ctx: MessageContext): PlayReply | undefined {
    // The clock moves on its own only every tickMs; a card is judged at the time it came.
    this.clock.tick();
    if (!this.limit.allows(client, ctx, this.clock.currentTime)) return undefined;
    const seat = this.seats.get(client.sessionId);
    if (!seat) return refuse(client, ctx, 'notSeated');
    if (this.state.phase !== 'playing') return refuse(client, ctx, 'roundNotRunning');
    if (this.rounds.paused) return refuse(client, ctx, 'roundPaused');
    const role = roleIn(seat, this.state.round);
    if (payload.role !== undefined && payload.role !== role) return refuse(client, ctx, 'notYourRole');
    // The reply carries this verdict to the player; only a partner who asked needs the message.
    this.playing = { client, role };
    const result = this.rounds.play({ role, card: payload.card, seq: payload.seq, ack: payload.ack });
    this.playing = null;
    const judged = result?.events.find((e) => e.type === 'moveJudged');
    if (result?.events.some((e) => e.type === 'inputRefused' && e.code === 'roundNotStarted')) return refuse(client, ctx, 'roundNotStarted');
    if (!judged) return refuse(client, ctx, 'roundNotRunning');
    // The partner sees the card now, not at the next tick; the player gets it with the verdict.
    oneWriteForThisMessage(client);
    this.broadcastPatch();
    return { move: toMoveView(judged.move) };
  }

  private onReady(client: PairClient, ctx: MessageContext): Done | undefined {
    this.clock.tick();
    if (!this.limit.allows(client, ctx, this.clock.currentTime)) return undefined;
    const seat = this.seats.get(client.sessionId);
    if (!seat) return refuse(client, ctx, 'notSeated');
    if (this.state.phase !== 'between') return refuse(client, ctx, 'roundNotRunning');
    seat.ready = true;
    this.showPlayers();
    if ([...this.seats.values()].every((s) => s.ready)) this.rounds.startNext();
    // The partner sees who is ready, or both see the next round begin, now rather than at the next tick.
    this.broadcastPatch();
    return {};
  }

  private notify(code: NoticeCode, about: Seat, options: { except?: PairClient } = {}): void {
    const payload: NoticePayload = about.nickname ? { code, nickname: about.nickname } : { code };
    this.broadcast(SERVER_MSG.notice, payload, options.except ? { except: options.except } : {});
  }

  // ---- seats -----------------------------------------------------------------------------------

  private seatBot(): void {
    const bot = newSeat(this.seats, `bot-${this.seats.size + 1}`, '', true);
    this.seats.set(bot.id, bot);
    this.showPlayers();
  }

  /** A player who left for good: a bot plays their seat so the other player can finish. */
  private handOverToBot(seat: Seat): void {
    seat.isBot = true;
    seat.connected = true;
    seat.ready = true;
    this.showPlayers();
    this.notify('botTookOver', seat);
    this.classLink?.botTookOver(seat);
    if (this.state.phase === 'between' && [...this.seats.values()].every((s) => s.ready)) this.rounds.startNext();
  }

  private showPlayers(): void {
    this.rounds.showPlayers(this.seats);
    // A join by code refused while a seat waits for its player says so (seatListing.ts).
    const held = seatHeld(this.seats.values());
    if (held !== this.metadata.seatHeld) void this.setMetadata({ ...this.metadata, seatHeld: held });
  }

  private fillWithBotIfAlone = (): void => {
    this.botTimer = undefined;
    if (this.seats.size !== 1) return;
    this.seatBot();
    void this.lock();
    this.broadcast(SERVER_MSG.notice, { code: 'botJoined' } satisfies NoticePayload);
    this.rounds.startNext();
  };

  // ---- lifecycle ---------------------------------------------------------------------------------

  static override async onAuth(_token: string, options: unknown, _context: AuthContext) {
    return { nickname: parseJoinOptions(options).nickname };
  }

  override async onCreate(options: PairCreateOptions): Promise<void> {
    const { server, stores, classroom, ...fromClient } = options;
    this.stores = stores;
    // A class pair plays one round of the class's scenario with the class's settings.
    const joined = classroom
      ? { ...classroom.settings, mode: 'class' as const, playlist: [classroom.scenarioId], rounds: 1 }
      : parseJoinOptions(fromClient);
    this.config = server;
    const base = makeSettings(joined);
    this.settings = server.timing ? { ...base, timing: { ...base.timing, ...server.timing } } : base;
    this.playlist = makePlaylist(joined);
    this.roomId = await claimRoomCode(this.presence);
    this.metadata = {
      mode: joined.mode, difficulty: this.settings.difficulty, speed: this.settings.speed,
      partnerRoom: joined.mode === 'private' || joined.mode === 'quick', seatHeld: false,
    };
    if (joined.mode === 'private' || joined.mode === 'class') await this.setPrivate(true);
    if (joined.mode === 'solo') this.maxClients = 1;
    // Room for a student coming back after a reload while their old connection is still held.
    if (joined.mode === 'class') this.maxClients = 4;

    Object.assign(this.state, {
      code: this.roomId, mode: joined.mode, difficulty: this.settings.difficulty, speed: this.settings.speed,
      lossRate: this.settings.lossRate, rounds: this.playlist.rounds, seatKeptSeconds: server.reconnectSeconds,
    });
    this.rounds = new RoundClock({
      view: this.state, settings: this.settings, playlist: this.playlist, seats: this.seats, bot: server.bot,
      seed: classroom?.seed ?? server.seed ?? randomInt(2 ** 31), betweenRoundsMs: server.betweenRoundsMs,
      getReadyMs: classroom ? classroom.getReadyMs : server.getReadyMs,
      clock: this.clock, alarm: this.alarm, onEvents: (events) => this.forward(events), onRoundEnd: (match, round) => this.record(match, round),
      timeLimitMs: classroom && classroom.settings.roundSeconds > 0 ? classroom.settings.roundSeconds * 1000 : undefined,
    });
    this.limit = new RateLimit({ perSecond: server.messagesPerSecond, burst: server.messageBurst });
    this.maxMessagesPerSecond = server.disconnectAbovePerSecond;
    // The alarm moves the round on and patches at once; this tick runs the clock's own timers
    // (between rounds, a bot filling in) and sends what joins and leaves changed.
    this.patchRate = server.tickMs;
    if (joined.mode === 'solo') this.seatBot();
    if (classroom) await this.joinClass(classroom);
  }

  /** One pair of a class's round: only its two students may enter, and the class drives it. */
  private async joinClass(spec: ClassPairSpec): Promise<void> {
    for (const [id, seat] of classSeats(spec)) this.seats.set(id, seat);
    // The header shows the class's round ("2/4"), not this room's single one.
    this.state.classRound = spec.round;
    this.state.classRounds = spec.settings.rounds;
    // A seat nobody takes is a bot's once the wait is over; its reservation should not outlive that.
    this.seatReservationTimeout = Math.max(1, Math.ceil(spec.seatWaitMs / 1000));
    // Nobody finds or joins it by code; the seats the class reserves still work.
    await this.lock();
    this.classLink = new ClassLink(spec, this.classHost());
    this.showPlayers();
    await this.classLink.open();
  }

  private classHost(): PairHost {
    return {
      code: this.roomId, presence: this.presence, clock: this.clock, stores: this.stores, seats: this.seats, rounds: this.rounds,
      phase: () => this.state.phase,
      clockChanged: () => { this.changed = true; },
      showPlayers: () => this.showPlayers(),
      handOverToBot: (seat) => this.handOverToBot(seat),
      notifyAll: (code) => this.broadcast(SERVER_MSG.notice, { code } satisfies NoticePayload),
      remove: (sessionId) => this.clients.getById(sessionId)?.leave(CloseCode.CONSENTED),
      close: () => void this.disconnect(),
    };
  }

  override onJoin(client: PairClient, options: PairJoinOptions): void {
    if (this.classLink) return this.classLink.arrive(client, client.auth?.studentId);
    const nickname = client.auth?.nickname ?? parseJoinOptions(options).nickname;
    const seat = newSeat(this.seats, client.sessionId, nickname, false);
    this.seats.set(client.sessionId, { ...seat, wantsMoves: options.moveJudged === true });
    this.showPlayers();
    if (this.seats.size === 2) {
      this.botTimer?.clear();
      // The seats are taken for the whole match: a seat a bot plays later is not a vacancy.
      void this.lock();
      this.rounds.startNext();
    } else if (this.state.mode === 'quick') {
      this.botTimer = this.clock.setTimeout(this.fillWithBotIfAlone, this.config.quickMatchBotMs);
    }
  }

  override onDrop(client: PairClient, code?: number): void {
    const seat = this.seats.get(client.sessionId);
    // A server shutting down disposes the room; there is nothing to come back to.
    if (!seat || code === CloseCode.SERVER_SHUTDOWN) return;
    seat.connected = false;
    this.showPlayers();
    this.notify('partnerLeft', seat, { except: client });
    // A page reload is a drop too: the client comes back with its reconnection token.
    this.allowReconnection(client, this.config.reconnectSeconds);
  }

  override onReconnect(client: PairClient): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    seat.connected = true;
    this.showPlayers();
    this.notify('partnerBack', seat, { except: client });
  }

  override onLeave(client: PairClient): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    if (this.state.phase === 'waiting' && this.classLink) {
      // Gone before the round began: the seat waits for its student again, or for the bot.
      this.classLink.vacate(seat);
      return;
    }
    if (this.state.phase === 'waiting') {
      this.seats.delete(seat.id);
      this.showPlayers();
      return;
    }
    this.handOverToBot(seat);
  }

  override async onDispose(): Promise<void> {
    this.alarm.cancel();
    if (this.state.code) await releaseRoomCode(this.presence, this.state.code);
  }

  override onBeforePatch(): void {
    // The time rides on patches that carry a change, plus one now and then for the clients'
    // clocks; stamping every patch would make an idle room send a patch at every tick. It is the
    // match clock, which stands still while a class is paused, as the round's times do.
    const now = this.rounds.now();
    if (this.changed || now - this.state.serverTime >= CLOCK_SYNC_MS) {
      this.state.serverTime = now;
      this.changed = false;
    }
  }

  override onUncaughtException(error: Error, method: string): void {
    // Keep the room alive for the players; the error is a bug to fix, so log it loudly.
    logger.error(`PairRoom ${this.roomId} ${method}:`, error);
  }

  /** Writes the round's result for both seats, so nothing earned depends on the room staying up. */
  private record(match: MatchState, round: number): void {
    this.state.recordId = this.keepRound(match, round);
    if (this.classLink) return this.classLink.record(match);
    const status = match.status === 'playing' ? 'timeUp' : match.status;
    const results: RoundResult[] = [...this.seats.values()].map((seat) => {
      const role = roleIn(seat, round);
      const s = match.scores[role];
      return {
        mode: this.state.mode, roomCode: this.state.code, roundNo: round, scenarioId: match.scenarioId, status,
        playerId: seat.id, nickname: seat.nickname, role, isBot: seat.isBot, points: s.points, correct: s.correct,
        mistakes: s.mistakes, missed: s.missed, hinted: s.hinted, bestStreak: s.bestStreak,
        moves: match.moves.filter((m) => m.role === role), finishedAt: Date.now(),
      };
    });
    this.stores.results.save(results);
  }

  /** Keeps the whole round for its replay and capture file; a class's round only for its teacher and students. */
  private keepRound(match: MatchState, round: number): string {
    const seats = [...this.seats.values()];
    const nicknames = Object.fromEntries(ROLES.map((role) => [role, seats.find((s) => roleIn(s, round) === role)?.nickname ?? ''])) as Record<Role, string>;
    // The round's clock ends now; the capture's wall-clock times count back from here.
    const wallClockAt = Date.now() - (match.now - match.startedAt);
    const spec = this.classLink?.spec;
    return this.stores.rounds.save({
      mode: this.state.mode, roomCode: this.state.code, roundNo: spec?.round ?? round, classCode: spec?.classCode ?? null,
      studentIds: seats.flatMap((s) => (s.studentId ? [s.studentId] : [])), record: roundRecordOf(match, wallClockAt, nicknames),
      createdAt: Date.now(),
    });
  }

  /**
   * Every verdict goes out at once, not with the next patch, to the clients that asked for it;
   * the others read it from `moves`, and a message nobody wants is not even encoded.
   */
  private forward(events: readonly MatchEvent[]): void {
    this.changed = true;
    for (const e of events) {
      if (e.type !== 'moveJudged') continue;
      this.classLink?.judged(e.move);
      const skip = notHearingMoves(this.clients, this.seats, e.move.role, this.playing);
      if (skip.length < this.clients.length) this.broadcast(SERVER_MSG.moveJudged, { move: toMoveView(e.move) }, { except: skip });
    }
  }
}
