import { CloseCode, type Client, type Room } from '@colyseus/sdk';
import { CLIENT_MSG, SERVER_MSG, errorCodeOf, type ErrorPayload, type NoticePayload, type PairRoomView, type PlayPayload, type PlayReply } from '../../shared/protocol.ts';
import { Listeners } from './listeners.ts';
import { resumeToken } from './resumeToken.ts';
import { toRoomView } from './roomView.ts';
import { ServerClock } from './serverClock.ts';
import type { PlayOutcome, Session, SessionEvents } from './session.ts';

/** The server keeps a dropped seat for 30 s (server issue); trying longer is pointless. */
const SEAT_KEPT_MS = 30_000;

/** A seat in a pair room over Colyseus: the only place (with lobby.ts) that touches the SDK. */
export class RoomSession implements Session {
  readonly events = new Listeners<SessionEvents>();
  private readonly clock = new ServerClock();
  private current: PairRoomView;
  private leaving = false;
  private readonly client: Client;
  private room: Room;

  constructor(client: Client, room: Room) {
    this.client = client;
    this.room = room;
    this.current = toRoomView(room.state);
    this.attach(room);
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
      const reply = (await this.room.request(CLIENT_MSG.play, payload)) as PlayReply;
      return { ok: true, move: reply.move };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  ready(): void {
    this.room.send(CLIENT_MSG.ready);
  }

  async retry(): Promise<boolean> {
    const token = resumeToken.get();
    if (!token) return false;
    try {
      const room = await this.client.reconnect(token);
      this.room = room;
      this.attach(room);
      this.events.emit('reconnected', undefined);
      return true;
    } catch {
      return false;
    }
  }

  async leave(): Promise<void> {
    this.leaving = true;
    resumeToken.clear();
    await this.room.leave(true).catch(() => undefined);
    this.events.clear();
  }

  /** Listens to the room; a kind of room with more to hear adds its own listeners. */
  protected attach(room: Room): void {
    resumeToken.set(room.reconnectionToken);
    // The SDK reconnects on its own only after 5 s in the room; a seat is worth keeping sooner.
    room.reconnection.minUptime = 0;
    room.reconnection.maxRetries = 12;
    room.onStateChange((state) => {
      this.current = toRoomView(state);
      this.clock.observe(this.current.serverTime);
      this.events.emit('view', this.current);
    });
    room.onMessage(SERVER_MSG.notice, (payload: NoticePayload) => this.events.emit('notice', payload));
    room.onMessage(SERVER_MSG.error, (payload: ErrorPayload) => this.events.emit('error', payload.code));
    room.onDrop(() => this.events.emit('dropped', undefined));
    room.onReconnect(() => {
      resumeToken.set(room.reconnectionToken);
      this.clock.reset();
      this.events.emit('reconnected', undefined);
    });
    room.onLeave((code) => {
      if (this.leaving || code === CloseCode.CONSENTED) return;
      void this.recover();
    });
  }

  /** The SDK gave up (or never tried): keep trying with the saved token while the seat is kept. */
  private async recover(): Promise<void> {
    this.events.emit('dropped', undefined);
    const until = Date.now() + SEAT_KEPT_MS;
    while (Date.now() < until && !this.leaving) {
      if (await this.retry()) return;
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    if (!this.leaving) this.events.emit('lost', undefined);
  }
}
