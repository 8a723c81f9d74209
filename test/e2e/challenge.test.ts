import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARDS, type Card } from '../../shared/match/cards.ts';
import { closeAfterEach } from './closeAfterEach.ts';
import { launchBrowser, openPage } from './browser.ts';
import { startLiveGame, type LiveGame } from './liveGame.ts';
import { Player } from './player.ts';

/** The shortest challenge the server accepts, so a test sees the end in seconds. */
const CHALLENGE_MS = 10_000;
const WAIT = { timeout: 60_000, polling: 50 } as const;
const SHARE_DAILY = /^TCP Tango daily \d{4}-\d{2}-\d{2}: \d+ pts, \d+ %$/;

/** What the challenge screen shows now: the suggested cards, or that the challenge is over. */
async function nextHint(page: Page): Promise<{ cards: Card[]; round: number; moves: number } | null> {
  const handle = await page.waitForFunction(() => {
    const t = window.__tango;
    if (t.state.scene !== 'ChallengeMatch' || !t.view) return { over: true };
    // The get-ready step before the first round refuses cards.
    if (t.view.serverTime < t.view.roundClockStartsAt) return false;
    const me = t.view.players.get(t.state.sessionId);
    const cards = (me && t.view.endpoints.get(me.role)?.hintCards) ?? [];
    return cards.length > 0 ? { over: false, cards: [...cards], round: t.view.round, moves: t.view.moves.length } : false;
  }, null, WAIT);
  const hint = (await handle.jsonValue()) as { over: boolean; cards: Card[]; round: number; moves: number };
  return hint.over ? null : hint;
}

/**
 * Plays a card and waits until its move is in the room's list, or the round has changed (the next
 * starts at once), or the time is up: only then is the next hint the one for the new situation.
 */
async function playAndWait(player: Player, card: Card, at: { round: number; moves: number }): Promise<void> {
  if (player.hands === 'keyboard') await player.playCard(card);
  else {
    // The time may run out between the hint and the click: then there is no card to click.
    const target = await player.page.evaluate((c) => (window.__tango.state.scene === 'ChallengeMatch' ? window.__tango.targets[`card.${c}`] : null), card);
    if (target) await player.page.mouse.click(target.x, target.y);
  }
  await player.page.waitForFunction(([round, moves]) => {
    const t = window.__tango;
    return t.state.scene !== 'ChallengeMatch' || !t.view || t.view.round !== round || t.view.moves.length > moves;
  }, [at.round, at.moves] as const, WAIT);
}

/** Plays one wrong card (for the end screen to explain), then every hint until the time is up. */
async function playChallenge(player: Player, onFirstPlay: () => Promise<void>): Promise<void> {
  const first = await nextHint(player.page);
  expect(first).not.toBeNull();
  const wrong = CARDS.find((c) => c !== 'RST' && !first!.cards.includes(c))!;
  await playAndWait(player, wrong, first!);
  await onFirstPlay();
  for (;;) {
    const hint = await nextHint(player.page);
    if (!hint) return;
    await playAndWait(player, hint.cards[0]!, hint);
  }
}

describe('the timed challenge in a browser', () => {
  let game: LiveGame;
  let browser: Browser;
  const closesAfterTest = closeAfterEach();
  // A database of its own, so the boards hold only this run's players.
  const dataDir = mkdtempSync(join(tmpdir(), 'tango-challenge-e2e-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    game = await startLiveGame({ CHALLENGE_DURATION_MS: String(CHALLENGE_MS), DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await browser?.close();
    await game?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('plays a daily challenge by keyboard on a phone to the end screen, explains the mistake, and finds the player on the board', async () => {
    const { page, errors } = closesAfterTest(await openPage(browser, { width: 360, height: 740 }));
    const player = new Player(page, 'keyboard');
    await page.goto(game.url);
    await player.waitForScene('Start');
    await page.keyboard.type('Ada');
    await player.click('challenge');
    await player.waitForScene('ChallengeSetup');
    await player.click('speed.fast');
    await player.screenshot('challenge-setup-phone');

    // With a nickname typed, Enter starts the challenge (the Start button has the focus).
    await page.keyboard.press('Enter');
    await player.waitForScene('ChallengeMatch');
    // The player id is made once and kept, for the leaderboard to know the player again.
    const id = await page.evaluate(() => localStorage.getItem('tango.playerId'));
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    await playChallenge(player, () => player.screenshot('challenge-match-phone'));

    await player.waitForScene('ChallengeResult');
    const shown = await page.waitForFunction(() => window.__tango.state.challenge, null, WAIT).then((h) => h.jsonValue());
    expect(shown!.points).toBeGreaterThan(0);
    expect(shown!.standing).toBe('ranked');
    expect(shown!.rank).toBe(1);
    expect(shown!.share).toMatch(SHARE_DAILY);
    expect(await page.inputValue('#share-line')).toBe(shown!.share);
    // The wrong card is listed with why it was wrong, in words.
    expect(shown!.mistakes.length).toBeGreaterThanOrEqual(1);
    expect(shown!.mistakes[0]).toMatch(/^✗ Round 1 · .+ — .{10,}/);
    await player.screenshot('challenge-result-phone');

    await page.keyboard.press('l');
    await player.waitForScene('Leaderboard');
    const board = await page.waitForFunction(() => {
      const b = window.__tango.state.leaderboard;
      return b && !b.loading ? b : null;
    }, null, WAIT).then((h) => h.jsonValue());
    expect(board!.nicknames).toEqual(['Ada']);
    expect(board!.you).toBe(1);
    await player.screenshot('challenge-leaderboard-phone');

    // Back returns to the result, which is kept after the room has been left.
    await page.keyboard.press('Escape');
    await player.waitForScene('ChallengeResult');
    const again = await page.waitForFunction(() => window.__tango.state.challenge, null, WAIT).then((h) => h.jsonValue());
    expect(again!.share).toBe(shown!.share);
    expect(errors).toEqual([]);
  }, 90_000);

  it('plays a free challenge by mouse on a projector in Chinese, and lists both players on the all-time board', async () => {
    const { page, errors } = closesAfterTest(await openPage(browser, { width: 1920, height: 1080 }));
    const player = new Player(page, 'mouse');
    await page.goto(game.url);
    await page.evaluate(() => localStorage.setItem('tango.locale', 'zh-Hant'));
    await page.reload();
    await player.waitForScene('Start');
    await page.keyboard.type('Bo');
    await player.click('challenge');
    await player.waitForScene('ChallengeSetup');
    await player.click('kind.free');
    await player.click('speed.fast');
    await player.screenshot('challenge-setup-projector');
    await player.click('start');
    await player.waitForScene('ChallengeMatch');
    await playChallenge(player, () => player.screenshot('challenge-match-projector'));

    await player.waitForScene('ChallengeResult');
    const shown = await page.waitForFunction(() => window.__tango.state.challenge, null, WAIT).then((h) => h.jsonValue());
    expect(shown!.share).toMatch(/^TCP Tango 自由挑戰：\d+ 分，正確率 \d+%$/);
    expect(shown!.mistakes[0]).toMatch(/^✗ 第 1 回合/);
    await player.screenshot('challenge-result-projector');

    // Each round played is kept: the first one's capture file, then its replay.
    const capture = page.waitForEvent('download');
    await player.click('roundCapture');
    expect((await capture).suggestedFilename()).toMatch(/^tcp-tango-[a-z-]+-[\w-]{16}\.pcapng$/);

    await player.click('leaderboard');
    await player.waitForScene('Leaderboard');
    await page.waitForFunction(() => window.__tango.state.leaderboard?.loading === false, null, WAIT);
    // The result opens the all-time board of its difficulty; every difficulty shows Ada's daily too.
    await player.click('difficulty.any');
    const board = await page.waitForFunction(() => {
      const b = window.__tango.state.leaderboard;
      return b && !b.loading && b.nicknames.length === 2 ? b : null;
    }, null, WAIT).then((h) => h.jsonValue());
    expect([...board!.nicknames].sort()).toEqual(['Ada', 'Bo']);
    expect(board!.you).toBeGreaterThanOrEqual(1);
    await player.screenshot('challenge-leaderboard-projector');

    // Back on the result (it takes input once its result is published), the first round's replay.
    await page.keyboard.press('Escape');
    await player.waitForScene('ChallengeResult');
    await page.waitForFunction(() => window.__tango.state.challenge, null, WAIT);
    await player.click('roundReplay');
    await player.waitForScene('Replay');
    await page.waitForFunction(() => (window.__tango.state.replay?.steps ?? 0) > 1, null, WAIT);
    expect((await player.state()).replay!.lines.join('\n')).toContain('CLOSED');
    expect(errors).toEqual([]);
  }, 90_000);
});
