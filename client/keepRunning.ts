/**
 * Keeps the game's frames coming after a throw. Phaser asks for its next frame after it has
 * stepped the current one, so one exception in any scene's update stopped the whole game for
 * good: a teacher's reloaded console once froze on a class state not yet arrived, though the very
 * next frames would have had it. The error still reaches the console (and so the browser tests,
 * which fail on page errors), once per message rather than at every frame. Given to the game's
 * config as `postBoot`, which runs just before its loop starts with `game.step`.
 */
import type Phaser from 'phaser';

export function keepRunning(game: Phaser.Game): void {
  const step = game.step.bind(game);
  const told = new Set<string>();
  game.step = (time: number, delta: number): void => {
    try {
      step(time, delta);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (told.has(message)) return;
      told.add(message);
      console.error('a frame failed; the game goes on:', error);
    }
  };
}
