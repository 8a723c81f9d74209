import Phaser from 'phaser';
import type { ClassSession } from '../net/classSession.ts';
import { game } from '../i18n/text.ts';
import { go, SCENES } from './scenes.ts';

/** The round screen now following each class: a seat taken while screens change opens from the one shown by then. */
const shownFor = new WeakMap<ClassSession, Phaser.Scene>();

/**
 * A student's class drives the round screens (the lobby, and a class pair's waiting, match and
 * result screens), each only while it is shown: a round's seat opens the match at once (from the
 * lobby, or from the last round's result), a kick or the end of the class goes back to the
 * class's entry with the reason, and coming back after a server restart goes to the lobby.
 * Call from the screen's `create`; it lets go at SHUTDOWN.
 */
export function followClassWhileShown(scene: Phaser.Scene, cls: ClassSession): void {
  shownFor.set(cls, scene);
  const from = (): Phaser.Scene => shownFor.get(cls) ?? scene;
  const take = (): void => {
    const seat = cls.pendingSeat;
    if (!seat) return;
    void cls.takeSeat(seat).then((session) => {
      if (session) go(from(), SCENES.Match, { session, cls });
    });
  };
  const off = [
    cls.events.on('seat', take),
    cls.events.on('closed', (code) => {
      void cls.leavePair();
      go(from(), SCENES.ClassJoin, { code: cls.code, message: game(`error.${code}`) });
    }),
    // Back in the class after a server restart: the round's pair room went with the old process
    // (the round is interrupted), so the student waits in the class's lobby for the next one.
    cls.events.on('returned', () => {
      const shown = from();
      if (shown.scene.key === SCENES.ClassLobby) return;
      void cls.leavePair();
      shown.scene.stop(SCENES.ConnectionLost);
      go(shown, SCENES.ClassLobby, { cls });
    }),
  ];
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    off.forEach((remove) => remove());
    if (shownFor.get(cls) === scene) shownFor.delete(cls);
  });
  if (cls.pendingSeat) take();
}
