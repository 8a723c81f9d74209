import Phaser from 'phaser';
import type { PairRoomView } from '../../shared/protocol.ts';
import { isChallengeView } from '../net/challengeView.ts';
import type { Session } from '../net/session.ts';
import { hook, publish } from '../testHook.ts';
import { Screen } from './Screen.ts';

export interface SessionData {
  session: Session;
}

/** The screen that should show a room in this state. */
export function screenFor(view: PairRoomView): 'Waiting' | 'Match' | 'RoundResult' | 'ChallengeMatch' | 'ChallengeResult' {
  // A class's pair waits a few seconds for both students: there is no code to hand out, so the match shows.
  if (view.phase === 'waiting') return view.mode === 'class' ? 'Match' : 'Waiting';
  // A challenge has no break between rounds: the next starts the moment one ends.
  if (isChallengeView(view)) return view.phase === 'finished' ? 'ChallengeResult' : 'ChallengeMatch';
  if (view.phase === 'playing' && view.roundStatus === 'playing') return 'Match';
  return 'RoundResult';
}

/**
 * A screen inside a room: it follows the room's views, moves on to the screen the room's phase
 * calls for, and raises the Connection lost overlay when the connection drops.
 */
export abstract class SessionScreen extends Screen {
  protected session!: Session;

  /** Shows a new view of the room (called after `create` and on every patch). */
  protected abstract showView(view: PairRoomView): void;

  init(data: SessionData): void {
    this.session = data.session;
  }

  /** Subscribes to the session; call at the end of `create`. */
  protected follow(): void {
    const { events } = this.session;
    const off = [
      events.on('view', (view) => this.receive(view)),
      events.on('dropped', () => {
        publish({ connection: 'dropped' });
        if (!this.scene.isActive('ConnectionLost')) this.scene.launch('ConnectionLost', { session: this.session });
      }),
      events.on('reconnected', () => {
        publish({ connection: 'open' });
        this.scene.stop('ConnectionLost');
      }),
      events.on('lost', (reason) => publish({ connection: 'lost', refusal: reason ?? 'unreachable' })),
    ];
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => off.forEach((remove) => remove()));
    publish({ sessionId: this.session.sessionId, connection: 'open' });
    this.receive(this.session.view);
  }

  /** Moves to another screen of the room; false when this one is right. */
  protected goTo(key: string): boolean {
    if (key === this.scene.key) return false;
    this.scene.start(key, { session: this.session });
    return true;
  }

  protected receive(view: PairRoomView): void {
    hook.view = view;
    const me = view.players.get(this.session.sessionId);
    publish({ role: me?.role ?? '' });
    if (this.route(view)) return;
    this.showView(view);
  }

  /** Decides whether the view belongs on another screen; screens with their own rules override it. */
  protected route(view: PairRoomView): boolean {
    return this.goTo(screenFor(view));
  }
}
