/**
 * Debian's Chromium driven by playwright-core. A machine without it fails the browser tests
 * with a message saying how to install it: skipping them would hide that nothing was checked.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'test-results';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}, and it is not there.\n`
      + 'Install it with `sudo apt-get install -y chromium fonts-noto-cjk` (what .ci/run does), '
      + 'or point CHROMIUM_PATH at a Chromium binary.');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
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
