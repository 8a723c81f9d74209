/**
 * A pair room: two seats, a match of several rounds, and the shared engine as the only judge.
 * Clients send intents (`play`, `ready`); the room steps the engine with its own clock and
 * copies the result into the synchronised state. Empty seats and seats whose player does not
 * come back are played by a bot that lives in the room.
 */
import { CloseCode, ServerError, ErrorCode as ColyseusError, type AuthContext, type Client, type Delayed, type MessageContext } from '@colyseus/core';
import { randomInt } from 'node:crypto';
import { makeSettings, type Difficulty, type MatchSettings, type Speed } from '../../../shared/match/settings.ts';
import { ROLES, type Role } from '../../../shared/match/cards.ts';
import { roundRecordOf } from '../../../shared/capture/roundRecord.ts';
import type { MatchState } from '../../../shared/match/types.ts';
import {
  CLASS_LIMITS, CLIENT_MSG, ROOM, SERVER_MSG, type ErrorCode, type NoticePayload,
  type PairJoinOptions, type PairRoomMode,
} from '../../../shared/protocol.ts';
import { pairJoinOptionsSchema, readyPayloadSchema } from '../../../shared/validation.ts';
import type { PairRoomConfig } from '../../config.ts';
import type { RoundResult } from '../../storage/roundResults.ts';
import type { Stores } from '../../storage/stores.ts';
import { newRoundRecordId } from '../../storage/roundRecords.ts';
import type { DeskRules } from '../seated/cardDesk.ts';
import { SeatedRoom } from '../seated/SeatedRoom.ts';
import { oneWriteForThisMessage } from '../seated/oneWrite.ts';
import { ClassLink, classSeats, pairSettings, type ClassPairSpec, type PairHost } from './classLink.ts';
import { refuse, type RoomHandlers } from '../common/refusals.ts';
import type { Done, PairRoomEvents, PairRoomMessages } from '../../../shared/messageMap.ts';
import { makePlaylist, type Playlist } from './playlist.ts';
import { claimRoomCode } from '../common/roomCodes.ts';
import { ClassPairRoomState, PairRoomState } from '../schema/PairRoomState.ts';
import { newSeat, roleIn, type Seat } from '../seated/seats.ts';
import type { SeatListing } from '../common/seatListing.ts';
import { PairRounds } from './pairRounds.ts';
import { refuseWhileClosing } from '../common/closing.ts';

type PairClient = Client<{
  /**
   * A class's student comes with the seat the class reserved, which names them; a teacher's
   * screen watching the pair comes with `watcher` (a seat only the class room reserves).
   */
  auth: { nickname: string; studentId?: string; watcher?: boolean };
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

export class PairRoom extends SeatedRoom<PairRoomState, PairMetadata, PairClient, Seat> {
  override state = new PairRoomState();
  override maxClients = 2;
  protected override readonly logName = 'PairRoom';

  private config!: PairRoomConfig;
  private stores!: Stores;
  private settings!: MatchSettings;
  private playlist!: Playlist;
  private rounds!: PairRounds;
  private botTimer: Delayed | undefined;
  /** Set when this room is one pair of a class's round. */
  private classLink: ClassLink | undefined;

  override messages = {
    ...this.cardMessages,
    [CLIENT_MSG.ready]: (client: PairClient, payload: unknown, ctx: MessageContext) => this.onReady(client, payload, ctx),
  } satisfies RoomHandlers<PairRoomMessages, PairClient>;

  // ---- messages ------------------------------------------------------------------------------

  private readonly onReady = (client: PairClient, payload: unknown, ctx: MessageContext): Done | undefined =>
    this.desk.seated(readyPayloadSchema, (c: PairClient, seat, _payload, context) => {
      if (this.state.phase !== 'between') return refuse(c, context, 'roundNotRunning');
      this.seats.markReady(seat.id);
      this.showPlayers();
      if (this.seats.allReady()) this.rounds.startNext();
      // The partner sees who is ready, or both see the next round begin, now rather than at the
      // next tick; the player gets the patch and the reply in one write, as with a card.
      oneWriteForThisMessage(c);
      this.broadcastPatch();
      return {};
    })(client, payload, ctx);

  /** When a pair's card may be played, and by which role. */
  private deskRules(): DeskRules<Seat> {
    return {
      closed: () => (this.state.phase !== 'playing' ? 'roundNotRunning' : this.rounds.paused ? 'roundPaused' : null),
      roleOf: (seat) => roleIn(seat, this.state.round),
      play: (card) => this.rounds.play(card),
      noVerdict: 'roundNotRunning',
      judged: (move) => this.classLink?.judged(move),
    };
  }

  // ---- seats -----------------------------------------------------------------------------------

  private seatBot(): void {
    this.seats.take(newSeat(this.seats, `bot-${this.seats.size + 1}`, '', true));
    this.showPlayers();
  }

  /** A player who left for good: a bot plays their seat so the other player can finish. */
  private handOverToBot(seat: Seat): void {
    this.desk.handToBot(seat);
    this.classLink?.botTookOver(seat);
    if (this.state.phase === 'between' && this.seats.allReady()) this.rounds.startNext();
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
    const timed = server.timing ? { ...base, timing: { ...base.timing, ...server.timing } } : base;
    this.settings = classroom ? pairSettings(classroom, timed) : timed;
    this.playlist = makePlaylist(joined);
    this.roomId = await claimRoomCode(this.presence);
    this.metadata = {
      mode: joined.mode, difficulty: this.settings.difficulty, speed: this.settings.speed,
      partnerRoom: joined.mode === 'private' || joined.mode === 'quick', seatHeld: false,
    };
    if (joined.mode === 'private' || joined.mode === 'class') await this.setPrivate(true);
    if (joined.mode === 'solo') this.maxClients = 1;
    // Room for a student coming back after a reload while their old connection is still held,
    // and for the teacher's screens watching the pair.
    if (joined.mode === 'class') this.maxClients = 4 + CLASS_LIMITS.teachersMax;

    // A teacher may give a class's student more time: there each player sees only their own deadline.
    const deadlinesPerPlayer = joined.mode === 'class';
    // Its own state type, the only one with a view-tagged field (PairRoomState.ts says why).
    if (deadlinesPerPlayer) this.state = new ClassPairRoomState();
    Object.assign(this.state, {
      code: this.roomId, mode: joined.mode, difficulty: this.settings.difficulty, speed: this.settings.speed,
      lossRate: this.settings.lossRate, rounds: this.playlist.rounds, seatKeptSeconds: server.reconnectSeconds,
    });
    this.rounds = new PairRounds({
      view: this.state, deadlinesPerPlayer, settings: this.settings, playlist: this.playlist, seats: this.seats, bot: server.bot,
      seed: classroom?.seed ?? server.seed ?? randomInt(2 ** 31), betweenRoundsMs: server.betweenRoundsMs,
      getReadyMs: classroom ? classroom.getReadyMs : server.getReadyMs,
      clock: this.clock, alarm: this.alarm, onEvents: (events) => this.desk.forward(events), onRoundEnd: (match, round) => this.record(match, round),
      timeLimitMs: classroom && classroom.settings.roundSeconds > 0 ? classroom.settings.roundSeconds * 1000 : undefined,
    });
    this.open(server, ROOM.pair, this.rounds, this.deskRules(), deadlinesPerPlayer);
    if (joined.mode === 'solo') this.seatBot();
    if (classroom) await this.joinClass(classroom);
  }

  /** One pair of a class's round: only its two students may enter, and the class drives it. */
  private async joinClass(spec: ClassPairSpec): Promise<void> {
    for (const seat of classSeats(spec)) this.seats.take(seat);
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
      code: this.roomId, presence: this.presence, clock: this.clock, stores: this.stores, writes: this.writes, seats: this.seats, rounds: this.rounds,
      phase: () => this.state.phase,
      clockChanged: () => this.rounds.markChanged(),
      showPlayers: () => this.showPlayers(),
      handOverToBot: (seat) => this.handOverToBot(seat),
      notifyAll: (code) => this.broadcast(SERVER_MSG.notice, { code } satisfies NoticePayload),
      remove: (sessionId) => this.clients.getById(sessionId)?.leave(CloseCode.CONSENTED),
      close: () => void this.disconnect(),
    };
  }

  override onJoin(client: PairClient, options: PairJoinOptions): void {
    refuseWhileClosing(this);
    this.stampForNewcomer();
    // A watcher takes no seat: it sees the state and the judged moves, and may play nothing.
    if (this.classLink && client.auth?.watcher === true) return;
    if (this.classLink) return this.classLink.arrive(client, client.auth?.studentId);
    const nickname = client.auth?.nickname ?? parseJoinOptions(options).nickname;
    this.seats.take({ ...newSeat(this.seats, client.sessionId, nickname, false), wantsMoves: options.moveJudged === true });
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

  protected override leftForGood(seat: Seat): void {
    if (this.state.phase === 'waiting' && this.classLink) {
      // Gone before the round began: the seat waits for its student again, or for the bot.
      this.classLink.vacate(seat);
      return;
    }
    if (this.state.phase === 'waiting') return this.freeSeat(seat);
    this.handOverToBot(seat);
  }

  /** Writes the round's result for both seats, so nothing earned depends on the room staying up. */
  private record(match: MatchState, round: number): void {
    this.keepRound(match, round);
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
    this.writes.add(`results of round ${round}`, () => this.stores.results.save(results));
  }

  /**
   * Keeps the whole round for its replay and capture file; a class's round only for its teacher
   * and students. Its link is shown once the record is stored, so it never leads nowhere.
   */
  private keepRound(match: MatchState, round: number): void {
    const seats = [...this.seats.values()];
    const nicknames = Object.fromEntries(ROLES.map((role) => [role, seats.find((s) => roleIn(s, round) === role)?.nickname ?? ''])) as Record<Role, string>;
    // The round's clock ends now; the capture's wall-clock times count back from here.
    const wallClockAt = Date.now() - (match.now - match.startedAt);
    const spec = this.classLink?.spec;
    const stored = {
      id: newRoundRecordId(), mode: this.state.mode, roomCode: this.state.code, roundNo: spec?.round ?? round, classCode: spec?.classCode ?? null,
      studentIds: seats.flatMap((s) => (s.studentId ? [s.studentId] : [])), record: roundRecordOf(match, wallClockAt, nicknames),
      createdAt: Date.now(),
    };
    this.writes.add(`record of round ${round}`, async () => {
      await this.stores.rounds.save(stored);
      this.state.recordId = stored.id;
    });
  }
}
