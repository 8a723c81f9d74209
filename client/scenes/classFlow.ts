import type Phaser from 'phaser';
import type { ClassSession } from '../net/classSession.ts';
import { game } from '../i18n/text.ts';

/** The screens a student's class can replace when something happens to the class. */
const ROUND_SCREENS = ['ClassLobby', 'Waiting', 'Match', 'RoundResult', 'ConnectionLost'];

/** Replaces whatever round screen is showing with `key`. */
function show(phaser: Phaser.Game, key: string, data: object): void {
  for (const scene of phaser.scene.getScenes(true)) if (ROUND_SCREENS.includes(scene.scene.key)) scene.scene.stop();
  phaser.scene.start(key, data);
}

/**
 * A student's class drives their screens whichever one is showing: a round's seat opens the
 * match at once (from the lobby, or from the last round's result), and a kick or the end of the
 * class goes back to the class's entry with the reason.
 */
export function followClass(phaser: Phaser.Game, cls: ClassSession): void {
  let seating = Promise.resolve();
  const take = (): void => {
    seating = seating.then(async () => {
      const seat = cls.pendingSeat;
      if (!seat) return;
      const session = await cls.takeSeat(seat);
      if (session) show(phaser, 'Match', { session });
    });
  };
  cls.events.on('seat', take);
  cls.events.on('closed', (code) => {
    void cls.leavePair();
    show(phaser, 'ClassJoin', { code: cls.code, message: game(`error.${code}`) });
  });
  if (cls.pendingSeat) take();
}
