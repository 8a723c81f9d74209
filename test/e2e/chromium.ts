/**
 * Which Chromium the browser tests (and the bench) drive, so that `npm install && npm test`
 * passes on a machine with no browser installed. In order:
 *
 *   1. CHROMIUM_PATH, if set (a missing file there is an error, not a fallback);
 *   2. the system's Chromium or Chrome, at the usual paths (what .ci/run installs);
 *   3. the headless Chromium inside the @sparticuz/chromium npm package, unpacked to the
 *      temporary folder at its first use (about 5 s; later runs reuse it).
 *
 * TANGO_BROWSER=bundled skips 2, to try the bundled one on a machine that has both.
 * Whichever it is, it is given the test fonts (cjkFonts.ts), so Chinese renders in screenshots
 * without the system's CJK fonts.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type LaunchOptions } from 'playwright-core';
import { testFontsConfig } from './cjkFonts.ts';

export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
] as const;

/** The flags every Chromium the tests launch gets; WebGL still runs with --disable-gpu, on SwiftShader. */
const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface FoundChromium {
  readonly source: 'CHROMIUM_PATH' | 'system' | 'bundled';
  readonly executablePath: string;
  readonly args: readonly string[];
}

/** The Chromium to launch, by the order above. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const pinned = env.CHROMIUM_PATH;
  if (pinned) {
    if (!existsSync(pinned)) throw new Error(`CHROMIUM_PATH is ${pinned}, and there is no file there.`);
    return { source: 'CHROMIUM_PATH', executablePath: pinned, args: BROWSER_ARGS };
  }
  if (env.TANGO_BROWSER !== 'bundled') {
    const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
    if (system) return { source: 'system', executablePath: system, args: BROWSER_ARGS };
  }
  return bundledChromium();
}

async function bundledChromium(): Promise<FoundChromium> {
  let bundled: typeof import('@sparticuz/chromium').default;
  try {
    bundled = (await import('@sparticuz/chromium')).default;
  } catch (error) {
    throw new Error('No Chromium found: set CHROMIUM_PATH, install one (`apt-get install -y chromium`), '
      + `or run \`npm install\` for the bundled one (@sparticuz/chromium): ${(error as Error).message}`);
  }
  const executablePath = await bundled.executablePath();
  // The system's flags, not the package's own (made for AWS Lambda: GPU in the browser's
  // process, ANGLE on SwiftShader, one process): with those, a screenshot of a page whose canvas
  // redraws every frame (the game's) took 12 s at 1920×1080 and timed out at 390×844 ×3, and
  // every browser test that takes one failed. WebGL still draws, on SwiftShader.
  return { source: 'bundled', executablePath, args: BROWSER_ARGS };
}

export interface LaunchChoice {
  readonly launch?: LaunchOptions;
  /** A fontconfig file; by default the system's fonts and the test fonts (cjkFonts.ts). */
  readonly fonts?: string;
  /** Where CHROMIUM_PATH and TANGO_BROWSER are read; by default this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Launches the Chromium `findChromium` names, with the test fonts. */
export async function launchChromium(choice: LaunchChoice = {}): Promise<Browser> {
  const found = await findChromium(choice.env);
  const options = choice.launch ?? {};
  return chromium.launch({
    ...options,
    executablePath: found.executablePath,
    args: [...found.args, ...(options.args ?? [])],
    env: { ...process.env, ...options.env, FONTCONFIG_FILE: choice.fonts ?? testFontsConfig() },
  });
}

/** A browser with a profile kept in `profile`, as a person's is: closed and opened again, it still has its localStorage. */
export async function launchPersistentChromium(profile: string, context: BrowserContextOptions = {}): Promise<BrowserContext> {
  const found = await findChromium();
  return chromium.launchPersistentContext(profile, {
    ...context,
    executablePath: found.executablePath,
    args: [...found.args],
    env: { ...process.env, FONTCONFIG_FILE: testFontsConfig() },
  });
}
