import Phaser from 'phaser';
import type { PairRoomView } from '../../shared/protocol.ts';
import { isChallengeView } from '../net/challengeView.ts';
import type { Session } from '../net/session.ts';
import { hook, publish } from '../testHook.ts';
import type { ClassSession } from '../net/classSession.ts';
import { followClassWhileShown } from './classFlow.ts';
import { go, overlay, SCENES } from './scenes.ts';
import { Screen } from './Screen.ts';

export interface SessionData {
  session: Session;
  /** A class's pair room: the student's class, which drives these screens while they show (classFlow.ts). */
  cls?: ClassSession | undefined;
}

/** The screen that should show a room in this state. */
export function screenFor(view: PairRoomView): typeof SCENES.Waiting | typeof SCENES.Match | typeof SCENES.RoundResult | typeof SCENES.ChallengeMatch | typeof SCENES.ChallengeResult {
  // A class's pair waits a few seconds for both students: there is no code to hand out, so the match shows.
  if (view.phase === 'waiting') return view.mode === 'class' ? SCENES.Match : SCENES.Waiting;
  // A challenge has no break between rounds: the next starts the moment one ends.
  if (isChallengeView(view)) return view.phase === 'finished' ? SCENES.ChallengeResult : SCENES.ChallengeMatch;
  if (view.phase === 'playing' && view.roundStatus === 'playing') return SCENES.Match;
  return SCENES.RoundResult;
}

/**
 * A screen inside a room: it follows the room's views, moves on to the screen the room's phase
 * calls for, and raises the Connection lost overlay when the connection drops.
 */
export abstract class SessionScreen extends Screen {
  protected session!: Session;
  protected cls: ClassSession | undefined;

  /** Shows a new view of the room (called after `create` and on every patch). */
  protected abstract showView(view: PairRoomView): void;

  init(data: SessionData): void {
    this.session = data.session;
    this.cls = data.cls;
  }

  /** Subscribes to the session; call at the end of `create`. */
  protected follow(): void {
    const { events } = this.session;
    const off = [
      events.on('view', (view) => this.receive(view)),
      events.on('dropped', () => {
        publish({ connection: 'dropped' });
        if (!this.scene.isActive(SCENES.ConnectionLost)) overlay(this, SCENES.ConnectionLost, { session: this.session });
      }),
      events.on('reconnected', () => {
        publish({ connection: 'open' });
        this.scene.stop(SCENES.ConnectionLost);
      }),
      events.on('lost', (reason) => publish({ connection: 'lost', refusal: reason ?? 'unreachable' })),
    ];
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => off.forEach((remove) => remove()));
    if (this.cls) followClassWhileShown(this, this.cls);
    publish({ sessionId: this.session.sessionId, connection: 'open' });
    this.receive(this.session.view);
  }

  /** Moves to another screen of the room; false when this one is right. */
  protected goTo(key: ReturnType<typeof screenFor>): boolean {
    if (key === this.scene.key) return false;
    go(this, key, { session: this.session, cls: this.cls });
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
