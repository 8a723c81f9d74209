import { CloseCode, type Client, type Room } from '@colyseus/sdk';
import {
  CLIENT_MSG, SERVER_MSG, errorCodeOf, type ErrorCode, type ErrorPayload, type NoticePayload, type PairRoomView, type PlayPayload,
} from '../../shared/protocol.ts';
import type { PairRoomMessages } from '../../shared/messageMap.ts';
import { HOLD_RENEW_MS } from './keptSeats.ts';
import { typedRoom } from './typedRoom.ts';
import { Listeners } from './listeners.ts';
import { toRoomView } from './roomView.ts';
import { seatKeys } from './seatKeys.ts';
import { ServerClock } from './serverClock.ts';
import type { PlayOutcome, Session, SessionEvents } from './session.ts';
import { leaveRoom } from './leaveRoom.ts';

/** The server's default RECONNECT_SECONDS, until the room's own `seatKeptSeconds` has come. */
const DEFAULT_SEAT_KEPT_MS = 30_000;

export interface RoomSessionOptions {
  /**
   * Keep the seat's token in this browser, so that another page can take the seat back. A
   * class's pair room does not: the class hands the student their seat again.
   */
  readonly keep: boolean;
}

/** A seat in a pair room over Colyseus: the only place (with lobby.ts) that touches the SDK. */
export class RoomSession implements Session {
  readonly events = new Listeners<SessionEvents>();
  private readonly clock = new ServerClock();
  private current: PairRoomView;
  private leaving = false;
  private connected = true;
  private readonly client: Client;
  private readonly keep: boolean;
  private room: Room;
  /** This page's own token: never one another tab wrote, which would take the seat from that tab. */
  private token: string;
  private renewal: ReturnType<typeof setInterval> | undefined;

  constructor(client: Client, room: Room, options: RoomSessionOptions = { keep: true }) {
    this.client = client;
    this.room = room;
    this.keep = options.keep;
    this.token = room.reconnectionToken;
    this.current = toRoomView(room.state);
    this.attach(room);
    if (this.keep) this.holdSeat();
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  get view(): PairRoomView {
    return this.current;
  }

  serverNow(): number {
    return this.clock.now() || this.current.serverTime;
  }

  async play(payload: PlayPayload): Promise<PlayOutcome> {
    try {
      const reply = await typedRoom<PairRoomMessages>(this.room).request(CLIENT_MSG.play, payload);
      return { ok: true, move: reply.move };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  ready(): void {
    typedRoom<PairRoomMessages>(this.room).send(CLIENT_MSG.ready);
  }

  async retry(): Promise<boolean> {
    return (await this.takeBack()) === 'back';
  }

  async leave(): Promise<void> {
    this.leaving = true;
    this.releaseSeat('forget');
    await leaveRoom(this.room);
    this.events.clear();
  }

  /** Listens to the room; a kind of room with more to hear adds its own listeners. */
  protected attach(room: Room): void {
    this.token = room.reconnectionToken;
    // The SDK reconnects on its own only after 5 s in the room; a seat is worth keeping sooner.
    room.reconnection.minUptime = 0;
    room.reconnection.maxRetries = 12;
    room.onStateChange((state) => {
      this.current = toRoomView(state);
      this.clock.observe(this.current);
      this.events.emit('view', this.current);
    });
    room.onMessage(SERVER_MSG.notice, (payload: NoticePayload) => this.events.emit('notice', payload));
    room.onMessage(SERVER_MSG.error, (payload: ErrorPayload) => this.events.emit('error', payload.code));
    room.onDrop(() => {
      this.connected = false;
      this.events.emit('dropped', undefined);
    });
    room.onReconnect(() => {
      this.connected = true;
      this.token = room.reconnectionToken;
      this.renew();
      this.clock.reset();
      this.events.emit('reconnected', undefined);
    });
    room.onLeave((code) => {
      this.connected = false;
      if (this.leaving || code === CloseCode.CONSENTED) return this.releaseSeat('forget');
      void this.recover();
    });
  }

  /** The SDK gave up (or never tried): keep trying with this page's token while the seat is kept. */
  private async recover(): Promise<void> {
    this.events.emit('dropped', undefined);
    const until = Date.now() + this.windowMs();
    let outcome: Awaited<ReturnType<RoomSession['takeBack']>> = 'unreachable';
    while (Date.now() < until && !this.leaving) {
      outcome = await this.takeBack();
      if (outcome === 'back' || outcome === 'seatInOtherTab') break;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    if (outcome === 'back' || this.leaving) return;
    this.releaseSeat(outcome === 'seatInOtherTab' ? 'keep' : 'forget');
    this.events.emit('lost', outcome === 'unreachable' ? null : outcome);
  }

  /** One attempt to take the seat back with this page's token. */
  private async takeBack(): Promise<'back' | 'unreachable' | ErrorCode> {
    // Another tab of this browser came back with the token and has the seat now: trying again
    // with this page's old token would fail, and a newer one would take the seat from that tab.
    const kept = this.keep ? seatKeys.tokenOf(this.code) : null;
    if (kept !== null && kept !== this.token) return 'seatInOtherTab';
    try {
      const room = await this.client.reconnect(this.token);
      this.room = room;
      this.connected = true;
      this.attach(room);
      this.renew();
      this.events.emit('reconnected', undefined);
      return 'back';
    } catch (error) {
      return error instanceof TypeError ? 'unreachable' : errorCodeOf(error);
    }
  }

  private windowMs(): number {
    return this.current.seatKeptSeconds > 0 ? this.current.seatKeptSeconds * 1000 : DEFAULT_SEAT_KEPT_MS;
  }

  private get code(): string {
    return this.room.roomId;
  }

  /** While this page is connected it tells other pages the seat is open here; when it goes, it lets go. */
  private holdSeat(): void {
    this.renew();
    this.renewal = setInterval(() => this.renew(), HOLD_RENEW_MS);
    addEventListener('pagehide', this.onPageHide);
    addEventListener('pageshow', this.onPageShow);
  }

  private renew(): void {
    if (this.keep && this.connected && !this.leaving) seatKeys.hold(this.code, this.token, this.windowMs());
  }

  private readonly onPageHide = (): void => {
    if (!this.leaving) seatKeys.letGo(this.code, this.token);
  };

  /** Back from the browser's page cache: the page holds its seat again. */
  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.renew();
  };

  /** Stops holding the seat; `forget` also drops its token (left, or gone for good). */
  private releaseSeat(how: 'forget' | 'keep'): void {
    if (!this.keep) return;
    clearInterval(this.renewal);
    removeEventListener('pagehide', this.onPageHide);
    removeEventListener('pageshow', this.onPageShow);
    if (how === 'forget') seatKeys.forget(this.code, this.token);
  }
}
