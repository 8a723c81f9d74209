/**
 * What a pair room and a timed challenge do alike around their match, written once so a fix
 * lands in both: the card desk and its messages, drops and reconnections, the patch stamped
 * with the match's clock and each player's own deadline, and a disposal that gives the room's
 * code back and lets the last writes land. A room says what differs: its match (`open`), who
 * may take a seat (`onJoin`), what a player leaving for good means (`leftForGood`).
 */
import { CloseCode, Room, logger, type Client, type MessageContext } from '@colyseus/core';
import type { MapSchema } from '@colyseus/schema';
import type { Role } from '../../../shared/match/cards.ts';
import type { PairRoomEvents, PairRoomMessages } from '../../../shared/messageMap.ts';
import { CLIENT_MSG, ROOM, SERVER_MSG } from '../../../shared/protocol.ts';
import type { SeatedRoomConfig } from '../../config.ts';
import { RateLimit, type RoomHandlers } from '../common/refusals.ts';
import { releaseRoomCode } from '../common/roomCodes.ts';
import type { SeatListing } from '../common/seatListing.ts';
import { WriteQueue } from '../common/writeQueue.ts';
import type { EndpointState } from '../schema/PairRoomState.ts';
import { roomAlarm } from './alarm.ts';
import { CardDesk, type DeskRules } from './cardDesk.ts';
import { OwnDeadlines } from './ownDeadlines.ts';
import type { Seat } from './seats.ts';
import { SeatTable } from './seatTable.ts';

/** What of the synchronised state this core reads: the room's code and the endpoints. */
export interface SeatedState {
  readonly code: string;
  readonly endpoints: MapSchema<EndpointState>;
}

/** A seated room's connection: it hears at least what a pair room's players hear. */
export type SeatedClient = Client<{ messages: PairRoomEvents }>;

/** What every seated room takes from a player: a card (a pair room also takes `ready`). */
type CardMessages = Pick<PairRoomMessages, typeof CLIENT_MSG.play>;

/** The room's match clock as this core uses it (a pair's rounds, a challenge's clock). */
export interface SeatedRun<T extends Seat> {
  /** Whatever is due happens (the alarm rang). */
  tick(): void;
  /** The next patch carries the time when the match moved on. */
  stampPatch(): void;
  /** The state carries the time now (a page is about to receive all of it). */
  stampNow(): void;
  roleOf(seat: T): Role;
  showPlayers(): void;
}

/** What exists once onCreate has its code and has made the match. */
interface Opened<T extends Seat> {
  readonly run: SeatedRun<T>;
  readonly deadlines: OwnDeadlines<T>;
}

export abstract class SeatedRoom<St extends SeatedState, M extends SeatListing, C extends SeatedClient, T extends Seat>
  extends Room<{ state: St; metadata: M; client: C }> {
  /** The room in the log, with its code: `PairRoom`, `ChallengeRoom`. */
  protected abstract readonly logName: string;

  protected readonly seats = new SeatTable<T>();
  /** The room's writes to the database, in order and off the room's path. */
  protected readonly writes = new WriteQueue(() => `${this.logName} ${this.roomId}`);
  /** Passed to the room's match, which sets it; nothing is due before the room is open. */
  protected readonly alarm = roomAlarm(this, () => this.opened?.run.tick());
  /** Set by `open`. */
  protected desk!: CardDesk<C, T>;
  private opened: Opened<T> | undefined;
  private reconnectSeconds!: number;

  /** A card, and any message the room does not know; a room adds its own (a pair's `ready`). */
  protected readonly cardMessages = {
    [CLIENT_MSG.play]: (client: C, payload: unknown, ctx: MessageContext) => this.desk.play(client, payload, ctx),
    // Unknown types, a made-up `score` included: an error back, not Colyseus's default of closing the connection.
    _: (client: C, type: unknown, payloadOrCtx: unknown) => this.desk.unknown(client, type, payloadOrCtx),
  } satisfies RoomHandlers<CardMessages, C>;

  /**
   * The room's match is made: the card desk is set up with the room's rules and the patch
   * carries the match's clock from now on. Called by onCreate once the room has its code.
   * `deadlinesPerPlayer`: each player receives only their own deadline (a class's pair, where a
   * teacher may give a student more time; ownDeadlines.ts).
   */
  protected open(
    server: SeatedRoomConfig, roomType: typeof ROOM.pair | typeof ROOM.challenge, run: SeatedRun<T>, rules: DeskRules<T>, deadlinesPerPlayer = false,
  ): void {
    const limit = new RateLimit({ perSecond: server.messagesPerSecond, burst: server.messageBurst });
    this.desk = new CardDesk<C, T>({
      roomType, clock: this.clock, seats: this.seats, limit,
      clients: () => this.clients,
      broadcastNotice: (payload, except) => this.everyone.broadcast(SERVER_MSG.notice, payload, except ? { except } : {}),
      broadcastMove: (move, except) => this.everyone.broadcast(SERVER_MSG.moveJudged, { move }, { except: [...except] }),
      patchNow: () => this.broadcastPatch(),
      showPlayers: () => run.showPlayers(),
      listSeatHeld: (held) => this.listSeatHeld(held),
    }, rules);
    const deadlines = new OwnDeadlines<T>({
      clients: () => this.clients, seatOf: (id) => this.seats.get(id), roleOf: (seat) => run.roleOf(seat), endpoints: this.state.endpoints,
      perPlayer: deadlinesPerPlayer,
    });
    this.opened = { run, deadlines };
    this.reconnectSeconds = server.reconnectSeconds;
    this.maxMessagesPerSecond = server.disconnectAbovePerSecond;
    // The alarm moves the match on and patches at once; this tick runs the clock's own timers
    // (between rounds, a bot filling in) and sends what joins and leaves changed.
    this.patchRate = server.tickMs;
  }

  /** The seats changed: the player list and the room's listing show it. */
  protected showPlayers(): void {
    this.desk.showPlayers();
  }

  /** Before the match: the seat is free for someone else. */
  protected freeSeat(seat: T): void {
    this.seats.free(seat.id);
    this.showPlayers();
  }

  /**
   * Someone is about to receive the whole state (a join, a return): it carries the time now, as
   * a browser takes it for now. The last stamp may be seconds old in a quiet room, or missing in
   * a room no patch has left yet; each room's onJoin calls this first, and onReconnect below.
   */
  protected stampForNewcomer(): void {
    this.opened?.run.stampNow();
  }

  /** A seated player left for good (not a drop that may come back). */
  protected abstract leftForGood(seat: T): void;

  /** A player came back to their kept seat, after the partner was told. */
  protected welcomeBack(_client: C, _seat: T): void {
    // Nothing more in a pair room: the state they get is all there is.
  }

  override onDrop(client: C, code?: number): void {
    // A server shutting down disposes the room; there is nothing to come back to.
    if (code === CloseCode.SERVER_SHUTDOWN || !this.desk.dropped(client)) return;
    // A page reload is a drop too: the client comes back with its reconnection token. The
    // clock does not stop meanwhile (a challenge is against time).
    this.allowReconnection(client, this.reconnectSeconds);
  }

  override onReconnect(client: C): void {
    this.stampForNewcomer();
    const seat = this.desk.cameBack(client);
    if (seat) this.welcomeBack(client, seat);
  }

  override onLeave(client: C): void {
    const seat = this.seats.get(client.sessionId);
    if (seat) this.leftForGood(seat);
  }

  override async onDispose(): Promise<void> {
    this.alarm.cancel();
    if (this.state.code) await releaseRoomCode(this.presence, this.state.code);
    // The server closes the database only after every room is disposed: the last writes land first.
    await this.writes.settled();
  }

  override onBeforePatch(): void {
    // The patch timer runs from the room's start, so with presence on Redis it can fire while
    // onCreate still waits for its code: nothing to stamp yet (it threw, and took the process down).
    if (this.opened === undefined) return;
    this.opened.run.stampPatch();
    this.opened.deadlines.show();
  }

  override onUncaughtException(error: Error, method: string): void {
    // Keep the room alive for the players; the error is a bug to fix, so log it loudly.
    logger.error(`${this.logName} ${this.roomId} ${method}:`, error);
  }

  /**
   * The room as it broadcasts to any seated room's clients (what a pair room's players hear):
   * through the generic client `C` the compiler cannot see a message's payload type.
   */
  private get everyone(): Room<{ client: SeatedClient }> {
    return this;
  }

  private listSeatHeld(held: boolean): void {
    if (held !== this.metadata.seatHeld) void this.setMetadata({ ...this.metadata, seatHeld: held });
  }
}
