/**
 * The browser for the browser tests: the Chromium that chromium.ts finds (CHROMIUM_PATH, the
 * system's, else the one bundled in an npm package), with the test fonts.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

export const ARTIFACTS = 'test-results';

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return launchChromium();
}

/** A page whose console errors and uncaught exceptions are collected for the test to check. */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly errors: string[];
}

/** `deviceScaleFactor` is the page's devicePixelRatio: 2 or 3 on a phone. */
export async function openPage(browser: Browser, size = { width: 1280, height: 800 }, deviceScaleFactor = 1): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, context, errors };
}
