/**
 * A timed challenge: one person and a bot, or two people together, play scenario after scenario
 * against the clock. The daily challenge uses the day's seed, so everyone that day meets the
 * same scenarios, ISNs and losses; a free challenge a fresh one. Cards come as in a pair room
 * (`play`); the points are the server's own count and there is no message that sets them.
 */
import { ServerError, ErrorCode as ColyseusError, type AuthContext, type Client } from '@colyseus/core';
import { randomInt } from 'node:crypto';
import { challengeDay, dailySeed, seatRoleIn } from '../../../shared/challenge/plan.ts';
import { roundRecordOf } from '../../../shared/capture/roundRecord.ts';
import { startChallenge, type ChallengeState } from '../../../shared/challenge/run.ts';
import type { MatchState } from '../../../shared/match/types.ts';
import {
  ROOM, SERVER_MSG, type ChallengeJoinOptions, type ChallengeResultPayload, type ErrorCode,
} from '../../../shared/protocol.ts';
import { challengeJoinOptionsSchema } from '../../../shared/validation.ts';
import type { ChallengeRoomConfig } from '../../config.ts';
import type { Stores } from '../../storage/stores.ts';
import { newRoundRecordId } from '../../storage/roundRecords.ts';
import { SeatedClock } from '../seated/seatedClock.ts';
import { SeatedRoom } from '../seated/SeatedRoom.ts';
import { challengePolicy, type ChallengeSeat } from './challengePolicy.ts';
import type { SeatListing } from '../common/seatListing.ts';
import { settle } from './challengeSettlement.ts';
import type { RoomHandlers } from '../common/refusals.ts';
import type { ChallengeRoomEvents, ChallengeRoomMessages } from '../../../shared/messageMap.ts';
import { claimRoomCode } from '../common/roomCodes.ts';
import { ChallengeRoomState } from '../schema/ChallengeRoomState.ts';
import { newSeat } from '../seated/seats.ts';
import { refuseWhileClosing } from '../common/closing.ts';

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

export class ChallengeRoom extends SeatedRoom<ChallengeRoomState, SeatListing, ChallengeClient, ChallengeSeat> {
  // ---- state -----------------------------------------------------------------------------------

  override state = new ChallengeRoomState();
  override maxClients = 1;
  protected override readonly logName = 'ChallengeRoom';

  private config!: ChallengeRoomConfig;
  private stores!: Stores;
  private seed!: number;
  private challenge!: SeatedClock<ChallengeState, ChallengeSeat>;
  /** The end result of each person, kept to send again to someone who reconnects after the end. */
  private readonly results = new Map<string, ChallengeResultPayload>();
  /** A bot played a person's seat at some point: the run is not a fair score. */
  private assisted = false;
  /** The rounds played so far, each kept as a round record, in order. */
  private readonly kept: { recordId: string; scenarioId: ChallengeState['round']['scenarioId'] }[] = [];

  // ---- message handlers ------------------------------------------------------------------------

  // Only cards: anything else, a made-up `score` or `submitScore` included, is an error back, and nothing changes.
  override messages = { ...this.cardMessages } satisfies RoomHandlers<ChallengeRoomMessages, ChallengeClient>;

  /** The time is up: each person's result is stored (when it counts) and sent to them. */
  private finish(challenge: ChallengeState): void {
    // The round the time cut short is kept too: it was played, and its ladder is worth a look.
    this.keepRound(challenge.round, challenge.index);
    const run = { kind: this.state.kind, day: this.state.day, challenge, assisted: this.assisted, rounds: [...this.kept] };
    for (const seat of this.seats.values()) {
      if (!seat.playerId || seat.isBot) continue;
      const who = { playerId: seat.playerId, nickname: seat.nickname, firstRole: seat.firstRole };
      // settle does not fail: a database that does gives an `unsaved` result, still sent.
      this.writes.add(`challenge entry of ${seat.playerId}`, async () => {
        const result = await settle(this.stores.challenges, run, who, Date.now());
        this.results.set(seat.id, result);
        this.clients.getById(seat.id)?.send(SERVER_MSG.challengeResult, result);
      });
    }
  }

  /** Keeps a round whole for its replay and capture file, as a pair room keeps each of its rounds. */
  private keepRound(round: MatchState, index: number): void {
    const nicknames = { client: '', server: '' };
    for (const seat of this.seats.values()) {
      if (!seat.isBot) nicknames[seatRoleIn(this.seed, index, seat.firstRole)] = seat.nickname;
    }
    // The round's clock is the challenge's: its capture's wall-clock times count back from now.
    const wallClockAt = Date.now() - (this.challenge.now() - round.startedAt);
    const stored = {
      id: newRoundRecordId(), mode: 'challenge', roomCode: this.state.code, roundNo: index + 1, classCode: null, studentIds: [],
      record: roundRecordOf(round, wallClockAt, nicknames), createdAt: Date.now(),
    };
    // Written in order before the result that names it (the queue keeps the room's order).
    this.writes.add(`record of round ${index + 1}`, () => this.stores.rounds.save(stored));
    this.kept.push({ recordId: stored.id, scenarioId: round.scenarioId });
  }

  private start(): void {
    if (this.challenge.current) return;
    const { difficulty, speed, seats } = this.state;
    const { durationMs, getReadyMs, timing } = this.config;
    const challenge = startChallenge({
      seed: this.seed, difficulty, speed, seats, durationMs, getReadyMs, ...(timing ? { timing } : {}), now: this.challenge.now(),
    });
    Object.assign(this.state, { phase: 'playing', startedAt: challenge.startedAt, endsAt: challenge.endsAt });
    this.challenge.begin(challenge);
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
    this.challenge = new SeatedClock({
      view: this.state, seats: this.seats, policy: challengePolicy(this.state), bot: server.bot, clock: this.clock, alarm: this.alarm,
      onEvents: (events) => {
        this.desk.forward(events);
        for (const e of events) if (e.type === 'roundEnded') this.keepRound(e.round, e.index);
      },
      onEnd: (challenge) => this.finish(challenge),
    });
    this.open(server, ROOM.challenge, this.challenge, {
      closed: () => (this.state.finished ? 'challengeOver' : this.challenge.running ? null : 'roundNotRunning'),
      roleOf: (seat) => this.challenge.roleOf(seat),
      play: (card) => this.challenge.play(card),
      noVerdict: 'challengeOver',
    });
  }

  override onJoin(client: ChallengeClient, options: ChallengeJoinOptions): void {
    refuseWhileClosing(this);
    this.stampForNewcomer();
    const { nickname, playerId } = client.auth ?? parseJoinOptions(options);
    // One person, one seat: the same browser in both seats would play (and count) twice.
    if (this.seats.find((s) => s.playerId === playerId)) throw new ServerError(ColyseusError.AUTH_FAILED, 'badPlayerId');
    const wantsMoves = options.moveJudged === true;
    this.seats.take({ ...newSeat(this.seats, client.sessionId, nickname, false), playerId, wantsMoves });
    if (this.state.seats === 'solo') this.seats.take({ ...newSeat(this.seats, 'bot', '', true), playerId: null });
    this.showPlayers();
    if (this.seats.size === 2) {
      // Both seats are taken for the whole challenge: a seat a bot plays later is not a vacancy.
      void this.lock();
      this.start();
    }
  }

  /** Someone who reconnects after the end gets their result again. */
  protected override welcomeBack(client: ChallengeClient, seat: ChallengeSeat): void {
    const result = this.results.get(seat.id);
    if (result) client.send(SERVER_MSG.challengeResult, result);
  }

  protected override leftForGood(seat: ChallengeSeat): void {
    if (this.state.finished) return;
    if (!this.challenge.running) return this.freeSeat(seat);
    // A solo challenge left before the end is abandoned: the room empties and nothing is stored.
    // In a pair the partner plays on beside a bot, and the run no longer counts.
    this.assisted = true;
    this.desk.handToBot(seat);
  }
}
