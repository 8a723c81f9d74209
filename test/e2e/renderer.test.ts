import { describe, expect, it } from 'vitest';
import { zhHans } from '../../client/i18n/zh-Hans.ts';
import type { WatchedPage } from './browser.ts';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';

const TEST_MS = 90_000;
/** Phaser's renderer types (Phaser.CANVAS, Phaser.WEBGL). */
const CANVAS = 1;
const WEBGL = 2;

describe('choosing the renderer in headless Chromium, whose WebGL is software (SwiftShader)', () => {
  const suite = liveSuite();

  async function open(path: string): Promise<{ player: Player; watched: WatchedPage }> {
    const watched = await suite.newPage();
    const player = new Player(watched.page, 'mouse');
    await player.page.goto(`${suite.game.url}${path}`);
    await player.waitForScene('Start');
    return { player, watched };
  }

  /** The renderer Phaser actually made, not only what the game meant to ask for. */
  function phaserRenderer(player: Player): Promise<number | undefined> {
    return player.page.evaluate(() => (window.__tango.game?.renderer as { type?: number } | undefined)?.type);
  }

  it('starts with Canvas by itself, because the WebGL it finds is drawn on the CPU', async () => {
    const { player, watched } = await open('/');
    const { renderer } = await player.state();
    expect(renderer).toMatchObject({ renderer: 'canvas', reason: 'softwareWebgl' });
    expect(renderer?.gpu).toMatch(/SwiftShader/);
    expect(await phaserRenderer(player)).toBe(CANVAS);
    expect(watched.errors).toEqual([]);
  }, TEST_MS);

  it('draws with WebGL all the same when the address asks for it', async () => {
    const { player, watched } = await open('/?renderer=webgl');
    expect((await player.state()).renderer).toMatchObject({ renderer: 'webgl', reason: 'address' });
    expect(await phaserRenderer(player)).toBe(WEBGL);
    expect(watched.errors).toEqual([]);
  }, TEST_MS);

  it('says once, in the player\'s language, that a match runs slowly; switching reloads into the same match with the other renderer, kept for the next visit', async () => {
    const { player, watched } = await open('/?scenarios=handshake&rounds=1');
    await player.page.evaluate(() => localStorage.setItem('tango.locale', 'zh-Hans'));
    await player.page.reload();
    await player.waitForScene('Start');
    await player.page.keyboard.type('Slow');
    await player.click('mode.solo');
    await player.click('play');
    await player.waitForScene('Match');
    const room = await player.page.evaluate(() => window.__tango.state.sessionId);

    // A computer too slow for its renderer: every frame takes 70 ms.
    await player.page.evaluate(() => {
      const spin = (): void => {
        const end = performance.now() + 70;
        while (performance.now() < end) { /* the frame's work */ }
        requestAnimationFrame(spin);
      };
      requestAnimationFrame(spin);
    });
    await player.page.waitForFunction(() => window.__tango.state.rendererNotice !== '', null, { timeout: 30_000, polling: 100 });
    const slow = await player.state();
    expect(slow.frames).toMatchObject({ status: 'slow' });
    expect(slow.rendererNotice).toContain(zhHans['renderer.slow'].split('（')[0]);
    await player.screenshot('renderer-slow-notice');

    const reloaded = player.page.waitForEvent('load');
    await player.click('renderer.switch');
    await reloaded;
    await player.waitForScene('Match');
    const after = await player.state();
    expect(after.sessionId).toBe(room);
    expect(after.renderer).toMatchObject({ renderer: 'webgl', reason: 'remembered' });
    expect(await phaserRenderer(player)).toBe(WEBGL);
    // The player has answered: this visit does not time the match again.
    expect(after.frames).toBeNull();
    expect(after.rendererNotice).toBe('');

    // The address still wins over the remembered choice.
    await player.page.goto(`${suite.game.url}/?renderer=canvas`);
    await player.page.waitForFunction(() => window.__tango?.state?.ready, null, { timeout: 30_000, polling: 50 });
    expect((await player.state()).renderer).toMatchObject({ renderer: 'canvas', reason: 'address' });
    expect(await phaserRenderer(player)).toBe(CANVAS);
    expect(watched.errors).toEqual([]);
  }, TEST_MS);
});
