/**
 * One throw in a scene's update once stopped the whole game for good (Phaser asks for its next
 * frame after the step): a teacher's reloaded console froze. The game now goes on, and says so.
 */
import { describe, expect, it } from 'vitest';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';

describe('a frame that throws', () => {
  const suite = liveSuite();

  it('is reported once, and the game goes on drawing and answering', async () => {
    const { page, errors } = await suite.newPage({ width: 390, height: 844 }, 3);
    const player = new Player(page, 'mouse');
    await page.goto(suite.game.url);
    await player.waitForScene('Start');
    // The Start screen's update throws for a while, as a screen reading a state not yet there would.
    await page.evaluate(() => {
      // Phaser calls the update it took from the scene when the scene started.
      const sys = window.__tango.game!.scene.getScene('Start')!.sys as unknown as { sceneUpdate: (time: number, delta: number) => void };
      const update = sys.sceneUpdate;
      let left = 30;
      sys.sceneUpdate = function (this: unknown, time: number, delta: number) {
        if (left-- > 0) throw new Error('not there yet');
        update.call(this, time, delta);
      };
    });
    const frame = await page.evaluate(() => window.__tango.game!.loop.frame);
    await page.waitForFunction((f) => window.__tango.game!.loop.frame > f + 60, frame, { timeout: 10_000 });
    expect(errors.filter((e) => e.includes('not there yet'))).toHaveLength(1);
    // Still a game: the solo button works and a match starts.
    await player.startSolo('Solo', 'fast');
    expect((await player.state()).scene).toBe('Match');
  });
});
