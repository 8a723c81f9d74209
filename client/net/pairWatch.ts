import type { Room } from '@colyseus/sdk';
import { SERVER_MSG, type PairRoomView } from '../../shared/protocol.ts';
import { Listeners } from './listeners.ts';
import { toRoomView } from './roomView.ts';
import { ServerClock } from './serverClock.ts';
import { leaveRoom } from './leaveRoom.ts';

export interface PairWatchEvents {
  view: PairRoomView;
  /** The pair room closed (the next round began, or the class ended). */
  closed: undefined;
}

/**
 * A teacher's screen watching one pair of a class round: the pair room's state and clock, for
 * its ladder on the projector. It holds no seat and sends nothing.
 */
export class PairWatch {
  readonly events = new Listeners<PairWatchEvents>();
  readonly pairCode: string;
  private readonly clock = new ServerClock();
  private readonly room: Room;
  private current: PairRoomView;
  private leaving = false;

  constructor(room: Room) {
    this.room = room;
    this.pairCode = room.roomId;
    this.current = toRoomView(room.state);
    room.onStateChange((state) => {
      this.current = toRoomView(state);
      this.clock.observe(this.current);
      this.events.emit('view', this.current);
    });
    // The pair room tells its players of partners and pauses; a watcher has nothing to do with them.
    room.onMessage(SERVER_MSG.notice, () => undefined);
    room.onMessage(SERVER_MSG.error, () => undefined);
    room.onMessage(SERVER_MSG.moveJudged, () => undefined);
    room.onLeave(() => {
      if (!this.leaving) this.events.emit('closed', undefined);
    });
  }

  get view(): PairRoomView {
    return this.current;
  }

  serverNow(): number {
    return this.clock.now() || this.current.serverTime;
  }

  async leave(): Promise<void> {
    this.leaving = true;
    this.events.clear();
    await leaveRoom(this.room);
  }
}
