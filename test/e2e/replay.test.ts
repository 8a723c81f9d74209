import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../shared/capture/pcapng.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { replayPath } from '../../shared/protocol.ts';
import { launchBrowser } from './browser.ts';
import { closeAfterEach } from './closeAfterEach.ts';
import { startLiveGame, type LiveGame } from './liveGame.ts';
import { Player } from './player.ts';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 };
const DESKTOP = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };

describe('a finished round, downloaded and replayed', () => {
  let game: LiveGame;
  let browser: Browser;
  const closesAfterTest = closeAfterEach();
  let recordId = '';
  let segments = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    game = await startLiveGame({ DATA_DIR: mkdtempSync(join(tmpdir(), 'tango-replay-')) });
  });

  afterAll(async () => {
    await browser?.close();
    await game?.stop();
  });

  async function open(device: typeof PHONE & { locale?: string }, path: string): Promise<{ page: Page; player: Player; errors: string[] }> {
    const context = await browser.newContext({ ...device, acceptDownloads: true });
    closesAfterTest(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${game.url}${path}`);
    return { page, player: new Player(page, 'mouse'), errors };
  }

  it('saves the round result as a pcapng with one frame per segment of the ladder (phone)', async () => {
    const { page, player, errors } = await open(PHONE, '/?scenarios=lost-syn&rounds=1');
    await player.waitForScene('Start');
    await player.startSolo('Cap', 'fast');
    await player.playRound();
    await player.waitForScene('RoundResult');
    await page.waitForFunction(() => window.__tango.targets['capture'] !== undefined && (window.__tango.view?.recordId ?? '') !== '');
    ({ recordId, segments } = await page.evaluate(() => ({ recordId: window.__tango.view!.recordId, segments: window.__tango.view!.segments.length })));
    await player.screenshot('capture-result-390');

    const [download] = await Promise.all([page.waitForEvent('download'), player.click('capture')]);
    expect(download.suggestedFilename()).toBe(`tcp-tango-lost-syn-${recordId}.pcapng`);
    const read = readCapture(new Uint8Array(readFileSync((await download.path())!)));
    if (!read.ok) throw new Error(read.code);
    expect(read.file.packets).toHaveLength(segments);
    await page.waitForFunction(() => window.__tango.state.captureSaved !== '');

    // The replay opens in a tab of its own, at the link to share; this tab keeps the seat.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), player.click('replay')]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(replayPath(recordId));
    await new Player(tab, 'mouse').waitForScene('Replay');
    await tab.close();
    expect(await player.state()).toMatchObject({ scene: 'RoundResult' });
    expect(errors).toEqual([]);
  }, 120_000);

  it('replays the round step by step with ← →, the buttons and the slider, explaining each step (desktop)', async () => {
    const { page, player, errors } = await open(DESKTOP, replayPath(recordId));
    await player.waitForScene('Replay');
    await page.waitForFunction(() => (window.__tango.state.replay?.steps ?? 0) > 0);
    const replay = async () => (await player.state()).replay!;
    const first = await replay();
    expect(first.step).toBe(0);
    // The round starts with each end in its start state.
    expect(first.lines.join('\n')).toContain('CLOSED');

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__tango.state.replay?.step === 1);
    await page.keyboard.press('End');
    await page.waitForFunction((n) => window.__tango.state.replay?.step === n - 1, first.steps);
    await player.screenshot('replay-1920');
    await player.click('previous');
    await page.waitForFunction((n) => window.__tango.state.replay?.step === n - 2, first.steps);

    // Every step's explanation, walked with the keys: the lost SYN and the SYN's arrival are told.
    await page.keyboard.press('Home');
    const told: string[] = [];
    for (let step = 0; step < first.steps; step++) {
      await page.waitForFunction((s) => window.__tango.state.replay?.step === s, step);
      told.push(...(await replay()).lines);
      await page.keyboard.press('ArrowRight');
    }
    const all = told.join('\n');
    expect(all).toMatch(/✗ SYN lost/);
    expect(all).toContain(translate('en', 'why.synArrives'));

    // A tap on the middle of the slider goes to the middle step.
    await player.click('slider');
    const middle = (first.steps - 1) / 2;
    await page.waitForFunction((m) => Math.abs((window.__tango.state.replay?.step ?? -9) - m) <= 1, middle);
    expect(errors).toEqual([]);
  }, 120_000);

  it('fits a phone, and says so when a link names no round', async () => {
    const { page, player } = await open(PHONE, replayPath(recordId));
    await player.waitForScene('Replay');
    await page.waitForFunction(() => (window.__tango.state.replay?.steps ?? 0) > 0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__tango.state.replay?.step === 3);
    await player.screenshot('replay-390');

    // Two presses inside one frame are two steps: Phaser replays its frame's key queue on every
    // new key event, which once moved three steps here (and could play a card twice in a match).
    const afterTwo = await page.evaluate(() => {
      for (let press = 0; press < 2; press++) {
        for (const type of ['keydown', 'keyup']) window.dispatchEvent(new KeyboardEvent(type, { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 }));
      }
      return window.__tango.state.replay?.step;
    });
    expect(afterTwo).toBe(1);

    const missing = await open(PHONE, replayPath('AAAAAAAAAAAAAAAA'));
    await missing.player.waitForScene('Replay');
    await missing.page.waitForFunction(() => window.__tango.state.replay?.failure === 'roundRecordNotFound');
  }, 60_000);
  // Made by tcpdump -i lo on Debian: a connection to 127.0.0.1:8080 ("hello", "world", a close the
  // client starts), then a SYN to port 8081, where nobody listens.
  const FIXTURE = join(import.meta.dirname, '../fixtures/capture/loopback-close-and-refused.pcap');

  it('opens a real capture from the start screen: each connection a ladder with both ends\' inferred states, the refused segment explained in the player\'s language', async () => {
    const { page, player, errors } = await open({ ...DESKTOP, locale: 'zh-TW' }, '/');
    await player.waitForScene('Start');
    // Something that is not a capture: the reason, under the button, and the start screen stays.
    await page.setInputFiles('#capture-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a capture at all, just text') });
    await page.waitForFunction(() => window.__tango.state.capture?.error === 'notACapture');
    expect((await player.state()).scene).toBe('Start');
    await player.screenshot('capture-refused-start-1920');

    await page.setInputFiles('#capture-file', FIXTURE);
    await player.waitForScene('Replay');
    await page.waitForFunction(() => window.__tango.state.capture?.file === 'loopback-close-and-refused.pcap');
    const capture = async () => (await player.state()).capture!;
    expect(await capture()).toMatchObject({ connection: 0, connections: 2, refused: 0, client: 'TIME-WAIT', server: 'CLOSED' });
    await page.keyboard.press('End');
    await page.waitForFunction(() => { const r = window.__tango.state.replay; return r !== null && r.step === r.steps - 1; });
    await player.screenshot('capture-1920');

    // The second connection: a SYN to a closed port, refused there with the game's explanation (zh-Hant).
    await page.keyboard.press('n');
    await page.waitForFunction(() => window.__tango.state.capture?.connection === 1);
    expect(await capture()).toMatchObject({ refused: 1, client: 'CLOSED', server: 'CLOSED' });
    const told: string[] = [];
    const steps = (await player.state()).replay!.steps;
    for (let step = 0; step < steps; step++) {
      await page.waitForFunction((s) => window.__tango.state.replay?.step === s, step);
      told.push(...(await player.state()).replay!.lines);
      await page.keyboard.press('ArrowRight');
    }
    expect(told.join('\n')).toContain(translate('zh-Hant', 'why.closedRefuses'));

    // A file dropped on the page opens too, from its first connection.
    await page.evaluate((bytes) => {
      const dropped = new DataTransfer();
      dropped.items.add(new File([new Uint8Array(bytes)], 'dropped.pcap'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    }, [...readFileSync(FIXTURE)]);
    await page.waitForFunction(() => window.__tango.state.capture?.file === 'dropped.pcap');
    expect(await capture()).toMatchObject({ connection: 0, connections: 2, client: 'TIME-WAIT', server: 'CLOSED' });
    expect(errors).toEqual([]);
  }, 60_000);
});
