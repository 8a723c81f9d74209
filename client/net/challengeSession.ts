import type { Room } from '@colyseus/sdk';
import { SERVER_MSG, type ChallengeResultPayload } from '../../shared/protocol.ts';
import type { ChallengeView } from './challengeView.ts';
import { Listeners } from './listeners.ts';
import { RoomSession } from './roomSession.ts';

export interface ChallengeEvents {
  /** The end result, sent once when the time is up (and again after a reconnection). */
  result: ChallengeResultPayload;
}

/** A seat in a challenge room: a pair room's session plus the end result. There is no `ready`. */
export class ChallengeSession extends RoomSession {
  readonly challengeEvents = new Listeners<ChallengeEvents>();
  private lastResult: ChallengeResultPayload | null = null;

  override get view(): ChallengeView {
    return super.view as ChallengeView;
  }

  /** The end result once it has come; null before. */
  get result(): ChallengeResultPayload | null {
    return this.lastResult;
  }

  override ready(): void {
    // The next round starts by itself the moment one ends.
  }

  override async leave(): Promise<void> {
    await super.leave();
    this.challengeEvents.clear();
  }

  protected override attach(room: Room): void {
    super.attach(room);
    room.onMessage(SERVER_MSG.challengeResult, (result: ChallengeResultPayload) => {
      this.lastResult = result;
      this.challengeEvents.emit('result', result);
    });
  }
}
