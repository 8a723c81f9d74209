/**
 * The client in headless Chromium against a real game server on 127.0.0.1: how long from
 * navigation until the start screen accepts input, and frame times during a solo match with
 * segments in flight, with the renderer the game chooses by itself and with each one forced.
 * Reads the game's test hook (window.__tango, client/testHook.ts) and plays by keyboard, as a
 * person would.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { CARDS, type Card } from '../../shared/match/cards.ts';
import { startGameServer, stopProcess } from './processes.ts';
import { summarize, type LatencySummary } from './stats.ts';
import { measureWire, type WireFigures } from './wireBytes.ts';

const WAIT = { timeout: 30_000, polling: 50 } as const;
/** Scenarios with loss and retransmissions, so segments are in flight most of the match. */
const SCENARIOS = 'lost-syn,whole-life,lost-last-ack,simultaneous-close';

declare global {
  interface Window {
    __benchStartReadyAt?: number;
    __benchFrames?: { dt: number[]; flying: number[]; stop: boolean };
  }
}

/** Frame times with one renderer: the idle start screen, then a match. */
export interface RendererFrames {
  /** The renderer Phaser made (WebGL on headless Chromium is SwiftShader, i.e. the CPU, with --disable-gpu). */
  readonly renderer: string;
  /** Why the game chose it (client/rendererChoice.ts): 'address' when forced, 'softwareWebgl'… when by itself. */
  readonly reason: string;
  readonly idleStartScreen: LatencySummary;
  readonly match: { readonly all: LatencySummary; readonly withSegmentsInFlight: LatencySummary; readonly over50ms: number };
  /** Verdicts the page received while frames were recorded, to show the match was being played. */
  readonly verdicts: number;
  readonly pageErrors: readonly string[];
}

export type BrowserFigures =
  | {
    readonly status: 'measured';
    /** Bytes over the wire for a first and a second visit of the game page. */
    readonly wire: WireFigures;
    /** Navigation start → Start screen ready for input, per cold load (fresh context). */
    readonly startScreenMs: readonly number[];
    readonly startScreenMedianMs: number;
    readonly domContentLoadedMs: number;
    /** The renderer the game chooses by itself (what players get), and each one forced with `?renderer=`. */
    readonly frames: { readonly default: RendererFrames; readonly webgl: RendererFrames; readonly canvas: RendererFrames };
  }
  | { readonly status: 'skipped' | 'failed'; readonly reason: string };

/** Polls the hook every frame from the very first script; records when Start is ready. */
function watchStartScreen(): void {
  const check = (): void => {
    const s = window.__tango?.state;
    if (s?.ready && s.scene === 'Start') window.__benchStartReadyAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function recordFrames(): void {
  const rec = { dt: [] as number[], flying: [] as number[], stop: false };
  window.__benchFrames = rec;
  let last = performance.now();
  const frame = (now: number): void => {
    if (rec.stop) return;
    rec.dt.push(now - last);
    last = now;
    const segments = window.__tango?.view?.segments ?? [];
    rec.flying.push(segments.filter((s) => s.status === 'flying').length);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function timeStartScreen(browser: Browser, url: string): Promise<{ readyMs: number; dclMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchStartScreen);
    await page.goto(url);
    await page.waitForFunction(() => window.__benchStartReadyAt !== undefined, null, WAIT);
    // Awaited here: returned as it is, the context below would close before it answers.
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { readyMs: window.__benchStartReadyAt!, dclMs: nav?.domContentLoadedEventEnd ?? NaN };
    });
  } finally {
    await context.close();
  }
}

/** What the driver needs each turn: the scene and the card the hint shows, if any. */
function lookAtGame(): { scene: string; hint: string | null; verdicts: number } {
  const hook = window.__tango;
  const view = hook.view;
  const me = view?.players.get(hook.state.sessionId);
  const hint = (me && view?.endpoints.get(me.role)?.hintCards[0]) ?? null;
  return { scene: hook.state.scene, hint, verdicts: hook.state.verdicts.length };
}

/** Plays the hinted card by its key once the previous card's verdict is in, and goes on between rounds. */
async function playSolo(page: Page, durationMs: number): Promise<void> {
  const end = performance.now() + durationMs;
  let pressedAt = -Infinity;
  let verdictsAtPress = -1;
  while (performance.now() < end) {
    const { scene, hint, verdicts } = await page.evaluate(lookAtGame);
    const answered = verdicts !== verdictsAtPress || performance.now() - pressedAt > 3000;
    if (scene === 'RoundResult') await page.keyboard.press('Enter');
    else if (scene === 'Match' && hint && answered && performance.now() - pressedAt > 600) {
      await page.keyboard.press(String(CARDS.indexOf(hint as Card) + 1));
      pressedAt = performance.now();
      verdictsAtPress = verdicts;
    }
    await page.waitForTimeout(150);
  }
}

/** Frame times on the idle start screen: what the browser and renderer cost before the game adds anything. */
async function idleFrames(browser: Browser, url: string): Promise<LatencySummary> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__tango?.state?.ready && window.__tango.state.scene === 'Start', null, WAIT);
    const dt = await page.evaluate(() => new Promise<number[]>((resolve) => {
      const out: number[] = [];
      let last = performance.now();
      const frame = (now: number): void => {
        out.push(now - last);
        last = now;
        if (out.length < 180) requestAnimationFrame(frame);
        else resolve(out.slice(1));
      };
      requestAnimationFrame(frame);
    }));
    return summarize(dt);
  } finally {
    await context.close();
  }
}

async function matchFrames(browser: Browser, url: string, durationMs: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      localStorage.setItem('tango.preferences', JSON.stringify({ nickname: 'Bench', mode: 'solo', difficulty: 'flags', speed: 'fast' }));
    });
    await page.goto(`${url}${url.includes('?') ? '&' : '?'}scenarios=${SCENARIOS}&rounds=4`);
    await page.waitForFunction(() => window.__tango?.state?.ready && window.__tango.state.scene === 'Start', null, WAIT);
    await page.focus('#nickname');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__tango.state.scene === 'Match', null, WAIT);
    // The get-ready step shows no segments and takes no cards: frames are recorded from the round's clock.
    await page.waitForFunction(() => {
      const view = window.__tango.view;
      return view !== null && view.roundClockStartsAt > 0 && view.serverTime >= view.roundClockStartsAt;
    }, null, WAIT);
    await page.evaluate(recordFrames);
    await playSolo(page, durationMs);
    const rec = await page.evaluate(() => {
      const r = window.__benchFrames!;
      r.stop = true;
      const game = window.__tango.game as { renderer?: { type?: number } } | undefined;
      return {
        dt: r.dt.slice(1), flying: r.flying.slice(1), renderer: game?.renderer?.type, reason: window.__tango.state.renderer?.reason ?? 'unknown',
        verdicts: window.__tango.state.verdicts.length,
      };
    });
    return { ...rec, errors };
  } finally {
    await context.close();
  }
}

const RENDERERS: Record<number, string> = { 1: 'Canvas', 2: 'WebGL' };

async function framesWith(browser: Browser, url: string, framesMs: number): Promise<RendererFrames> {
  const idle = await idleFrames(browser, url);
  const match = await matchFrames(browser, url, framesMs);
  const inFlight = match.dt.filter((_, i) => match.flying[i]! > 0);
  return {
    renderer: RENDERERS[match.renderer ?? 0] ?? `unknown (${match.renderer})`,
    reason: match.reason,
    idleStartScreen: idle,
    match: { all: summarize(match.dt), withSegmentsInFlight: summarize(inFlight), over50ms: match.dt.filter((d) => d > 50).length },
    verdicts: match.verdicts,
    pageErrors: match.errors.slice(0, 5),
  };
}

export async function measureBrowser(clientDir: string, runs: number, framesMs: number): Promise<BrowserFigures> {
  const server = await startGameServer({ CLIENT_DIR: clientDir });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await stopProcess(server.child);
    return { status: 'skipped', reason: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
  try {
    const url = `http://127.0.0.1:${server.port}/`;
    const wire = await measureWire(browser, url);
    const loads = [];
    for (let i = 0; i < runs; i++) loads.push(await timeStartScreen(browser, url));
    const ready = loads.map((l) => Math.round(l.readyMs));
    return {
      status: 'measured',
      wire,
      startScreenMs: ready,
      startScreenMedianMs: [...ready].sort((a, b) => a - b)[Math.floor(ready.length / 2)]!,
      domContentLoadedMs: Math.round(loads[0]!.dclMs),
      frames: {
        default: await framesWith(browser, url, framesMs),
        webgl: await framesWith(browser, `${url}?renderer=webgl`, framesMs),
        canvas: await framesWith(browser, `${url}?renderer=canvas`, framesMs),
      },
    };
  } catch (error) {
    return { status: 'failed', reason: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  } finally {
    await browser.close();
    await stopProcess(server.child);
  }
}
