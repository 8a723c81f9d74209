/**
 * What a browser test file needs around its tests: a Chromium and the real game, started before
 * the first test and stopped after the last, and pages that close after the test that opened
 * them (a finished game left open keeps drawing while the next test plays). Call it inside the
 * file's `describe`, where it registers its hooks.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';
import { closeAfterEach } from './closeAfterEach.ts';
import { startLiveGame, type LiveGame } from './liveGame.ts';

export interface LiveSuite {
  readonly game: LiveGame;
  readonly browser: Browser;
  /** A fresh page (its own context) that closes after this test. */
  newPage(size?: { width: number; height: number }, deviceScaleFactor?: number): Promise<WatchedPage>;
  /** Stops the game and starts it again on the same port with the same settings, as an update does; `whileDown` runs in between. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

export function liveSuite(env: Readonly<Record<string, string>> = {}): LiveSuite {
  let game: LiveGame | undefined;
  let browser: Browser | undefined;
  const closesAfterTest = closeAfterEach();

  beforeAll(async () => {
    // The browser first: without Chromium the suite fails at once, saying how to install it.
    browser = await launchBrowser();
    game = await startLiveGame(env);
  });
  afterAll(async () => {
    await browser?.close();
    await game?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} has not started (use it inside a test)`);
    return value;
  };
  return {
    get game() { return started(game, 'live game'); },
    get browser() { return started(browser, 'browser'); },
    async newPage(size, deviceScaleFactor) {
      const watched = await openPage(started(browser, 'browser'), size, deviceScaleFactor);
      closesAfterTest(watched.context);
      return watched;
    },
    async restart(whileDown) {
      const stopped = started(game, 'live game');
      await stopped.stop();
      await whileDown?.();
      game = await startLiveGame(env, Number(new URL(stopped.url).port));
    },
  };
}
