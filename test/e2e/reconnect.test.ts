import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { launchBrowser } from './browser.ts';
import { launchPersistentChromium } from './chromium.ts';
import { OLDER, oldCodeWhile, pageLoads } from './oldCode.ts';
import { closeAfterEach } from './closeAfterEach.ts';
import { startLiveGame, type LiveGame } from './liveGame.ts';
import { Player } from './player.ts';
import { createClassFromStart, joinAsStudent } from './teacherPages.ts';

/**
 * Seats are kept this long here (the default): coming back must fit in it even on a loaded
 * machine, where a new page can take many seconds to start.
 */
const WINDOW_SECONDS = 30;
/** The last test waits a window out, on a game of its own that keeps seats only this long. */
const SHORT_WINDOW_SECONDS = 12;
// Generous: on a loaded 2-core machine (CI runs both projects side by side) a test here took over 2 minutes.
const TEST_MS = 240_000;

/** Who a page is in its room, and what it has: what a player coming back must find again. */
async function seatOf(player: Player): Promise<{ sessionId: string; role: string; round: number; total: number; myMoves: string[]; scene: string }> {
  return player.page.evaluate(() => {
    const t = window.__tango;
    const me = t.view!.players.get(t.state.sessionId)!;
    const mine = t.view!.moves.filter((m) => m.role === me.role).map((m) => `${m.at} ${m.card} ${m.verdict} ${m.points}`);
    return { sessionId: t.state.sessionId, role: me.role, round: t.view!.round, total: me.total, myMoves: mine, scene: t.state.scene };
  });
}

/** The refusal a Start or challenge screen shows: its code, and whether its text is on screen in English. */
async function refusalShown(player: Player, code: string): Promise<void> {
  await player.page.waitForFunction((c) => window.__tango?.state?.refusal === c, code, { timeout: 30_000, polling: 50 })
    .catch(async (e: unknown) => { throw new Error(`refusal ${await player.page.evaluate(() => window.__tango?.state?.refusal)} on ${await player.page.evaluate(() => window.__tango?.state?.scene)}, not ${code}: ${String(e)}`); });
  expect(await player.shownText()).toContain(errorText(code));
}

const errorText = (code: string): string => translate('en', `error.${code}` as Parameters<typeof translate>[1], {});

async function newPlayer(context: BrowserContext, url: string): Promise<Player> {
  const page = await context.newPage();
  await page.goto(url);
  return new Player(page, 'mouse');
}

/** A solo whole-life match started from the Start screen, with the player's first move made: the seat as it stood then. */
async function soloAfterOneMove(context: BrowserContext, gameUrl: string): Promise<{ player: Player; before: Awaited<ReturnType<typeof seatOf>> }> {
  const player = await newPlayer(context, `${gameUrl}/?scenarios=whole-life&rounds=1`);
  await player.waitForScene('Start');
  await player.startSolo('Solo', 'slow');
  const hint = await player.nextHint();
  await player.playAndWait(hint!.cards[0]!, hint!.moves);
  return { player, before: await seatOf(player) };
}

describe('a player who closes the page comes back to their seat', () => {
  let game: LiveGame;
  let browser: Browser;
  const closesAfterTest = closeAfterEach();

  beforeAll(async () => {
    browser = await launchBrowser();
    game = await startLiveGame({ RECONNECT_SECONDS: String(WINDOW_SECONDS) });
  });

  afterAll(async () => {
    await browser?.close();
    await game?.stop();
  });

  async function context(): Promise<BrowserContext> {
    return closesAfterTest(await browser.newContext({ viewport: { width: 390, height: 844 } }));
  }

  /** A private room of two: the host creates it, the guest follows the link; both in the first round. */
  async function privateRoom(scenarios: string, on: LiveGame = game): Promise<{ host: Player; guest: Player; code: string; hostContext: BrowserContext; guestContext: BrowserContext }> {
    const [hostContext, guestContext] = [await context(), await context()];
    const host = await newPlayer(hostContext, `${on.url}/?scenarios=${scenarios}&rounds=2`);
    await host.waitForScene('Start');
    await host.page.keyboard.type('Host');
    await host.click('mode.private');
    await host.click('play');
    await host.waitForScene('Waiting');
    const code = await host.page.evaluate(() => window.__tango.view!.code);
    const guest = await newPlayer(guestContext, `${on.url}/join/${code}`);
    await guest.waitForScene('Start');
    await guest.page.keyboard.type('Guest');
    await guest.page.keyboard.press('Enter');
    await Promise.all([host.waitForScene('Match'), guest.waitForScene('Match')]);
    return { host, guest, code, hostContext, guestContext };
  }

  it('a private room\'s players close their tabs and come back, by the invite link and by the site, to the same seat and score', { timeout: TEST_MS }, async () => {
    const { host, guest, code, hostContext, guestContext } = await privateRoom('handshake');
    await Promise.all([host.playRound(), guest.playRound()]);
    await Promise.all([host.waitForScene('RoundResult'), guest.waitForScene('RoundResult')]);
    const [hostBefore, guestBefore] = [await seatOf(host), await seatOf(guest)];
    expect(guestBefore.total).toBeGreaterThan(0);

    // The guest closes the tab and opens the invite link again, in the same browser.
    await guest.page.close();
    const guestBack = await newPlayer(guestContext, `${game.url}/join/${code}`);
    await guestBack.waitForScene('RoundResult');
    expect(await seatOf(guestBack)).toEqual(guestBefore);
    expect(new URL(guestBack.page.url()).pathname).toBe('/');

    // The host closes the tab and opens the site.
    await host.page.close();
    const hostBack = await newPlayer(hostContext, `${game.url}/`);
    await hostBack.waitForScene('RoundResult');
    expect(await seatOf(hostBack)).toEqual(hostBefore);

    // Both play the next round on the seats they came back to.
    await hostBack.click('next');
    await guestBack.click('next');
    await Promise.all([hostBack.waitForScene('Match'), guestBack.waitForScene('Match')]);
    expect((await seatOf(hostBack)).role).toBe(guestBefore.role);
  });

  it('a second tab of the same browser on the invite link is told the match is open in the other tab, and the first plays on', { timeout: TEST_MS }, async () => {
    const { host, code, hostContext } = await privateRoom('handshake');
    const before = await seatOf(host);
    const second = await newPlayer(hostContext, `${game.url}/join/${code}`);
    await second.waitForScene('Start');
    await refusalShown(second, 'seatInOtherTab');
    await second.page.close();
    // The first tab kept its seat and its connection: the host, the client this round, opens the connection.
    expect(await host.state().then((s) => s.connection)).toBe('open');
    expect((await seatOf(host)).sessionId).toBe(before.sessionId);
    expect(await host.playNextHint()).toBe('correct');
  });

  it('a solo player closes the tab mid-round and comes back by the site to the round where it is', { timeout: TEST_MS }, async () => {
    const ctx = await context();
    const { player, before } = await soloAfterOneMove(ctx, game.url);

    await player.page.close();
    const back = await newPlayer(ctx, `${game.url}/`);
    await back.waitForScene('Match');
    const after = await seatOf(back);
    expect([after.sessionId, after.role, after.round]).toEqual([before.sessionId, before.role, before.round]);
    expect(after.myMoves.slice(0, before.myMoves.length)).toEqual(before.myMoves);
    expect(after.total).toBeGreaterThan(0);
    // And plays on from there.
    expect(await back.playNextHint()).toBe('correct');
  });

  it('a page whose code is older than the server reloads itself and comes back to its seat', { timeout: TEST_MS }, async () => {
    const ctx = await context();
    const said: string[] = [];
    ctx.on('request', (r) => {
      if (r.url().includes('/matchmake/')) said.push(r.headers()[PROTOCOL_HEADER] ?? 'nothing');
    });
    const { player, before } = await soloAfterOneMove(ctx, game.url);
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((v) => v === String(PROTOCOL_VERSION))).toBe(true);

    // The server was updated while the tab was closed; the browser opens the site with the code it
    // had cached, and has the new code once the page reloads.
    await player.page.close();
    const loads = pageLoads(ctx);
    const reached = await oldCodeWhile(ctx, () => loads() < 2);
    const back = await newPlayer(ctx, `${game.url}/`);
    await back.waitForScene('Match');
    // Refused once, reloaded once, and back with the server's version.
    expect([loads(), reached]).toEqual([2, [OLDER, String(PROTOCOL_VERSION)]]);
    expect((await seatOf(back)).sessionId).toBe(before.sessionId);
  });

  it('a page that keeps getting old code reloads itself once, then asks the player to reload', { timeout: TEST_MS }, async () => {
    const ctx = await context();
    await oldCodeWhile(ctx, () => true);
    const loads = pageLoads(ctx);
    const player = await newPlayer(ctx, `${game.url}/`);
    await player.waitForScene('Start');
    await player.page.keyboard.type('Old');
    await player.click('mode.solo');
    await player.click('play');
    await expect.poll(loads, { timeout: 30_000 }).toBe(2);
    await player.page.waitForLoadState();
    await player.waitForScene('Start');
    // A cache still serving the old code: the second refusal within the minute is said, not acted on.
    if (!(await player.page.inputValue('#nickname'))) await player.page.fill('#nickname', 'Old');
    await player.click('play');
    await refusalShown(player, 'outdatedClient');
    expect(loads()).toBe(2);
  });

  it('a solo player who closes the whole browser and opens it again comes back to the match', { timeout: TEST_MS }, async () => {
    const profile = mkdtempSync(join(tmpdir(), 'tango-profile-'));
    const launch = (): Promise<BrowserContext> => launchPersistentChromium(profile, { viewport: { width: 390, height: 844 } });
    try {
      const first = await launch();
      const { before } = await soloAfterOneMove(first, game.url);
      await first.close();

      const again = await launch();
      try {
        const back = await newPlayer(again, `${game.url}/`);
        await back.waitForScene('Match');
        const after = await seatOf(back);
        expect([after.sessionId, after.role]).toEqual([before.sessionId, before.role]);
        expect(after.myMoves.slice(0, before.myMoves.length)).toEqual(before.myMoves);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('a class student who closes the tab mid-round comes back by the class link, or by the site, into their pair room; a reload too; a second tab, by the site or the link, leaves the class to the first', { timeout: TEST_MS }, async () => {
    const teacher = new Player(await (await context()).newPage(), 'mouse');
    const link = await createClassFromStart(teacher, game.url);

    const studentContext = await context();
    const student = await newPlayer(studentContext, link);
    await joinAsStudent(student, 'Ada');
    await teacher.page.waitForFunction(() => window.__tango.state.classroom?.students.length === 1, null, { timeout: 30_000 });
    await teacher.page.keyboard.press('s');
    await student.waitForScene('Match');
    // The student plays their part of the round so far, as far as the bot lets them right away.
    const hint = await student.nextHint();
    await student.playAndWait(hint!.cards[0]!, hint!.moves);
    const before = await seatOf(student);

    // A second tab on the site, while the first is in the class: the Start screen, and the first keeps its match.
    const second = await newPlayer(studentContext, game.url);
    await second.waitForScene('Start');
    expect(await second.page.evaluate(() => location.pathname)).toBe('/');
    await second.page.close();
    expect((await seatOf(student)).scene).toBe('Match');
    // The class link itself in a second tab: the join form says the class is open in the other
    // tab, rather than joining (the newest connection would take the first tab's seat).
    const linkTab = await newPlayer(studentContext, link);
    await linkTab.waitForScene('ClassJoin');
    expect(await linkTab.shownText()).toContain(errorText('classInOtherTab'));
    await linkTab.page.close();
    expect((await seatOf(student)).scene).toBe('Match');
    // A reload of the tab in the class (a phone's own way back) is not another tab: straight back into the match.
    await student.page.reload();
    await student.waitForScene('Match');
    expect((await seatOf(student)).myMoves.slice(0, before.myMoves.length)).toEqual(before.myMoves);

    await student.page.close();
    const back = await newPlayer(studentContext, link);
    await back.waitForScene('Match');
    const after = await seatOf(back);
    expect([after.role, after.round]).toEqual([before.role, before.round]);
    expect(after.myMoves.slice(0, before.myMoves.length)).toEqual(before.myMoves);

    // Closed again, and back by the site's own address: the class this browser was in takes the student back.
    await back.page.close();
    const bySite = await newPlayer(studentContext, game.url);
    await bySite.waitForScene('Match');
    const again = await seatOf(bySite);
    expect([again.role, again.round]).toEqual([before.role, before.round]);
    expect(await bySite.page.evaluate(() => location.pathname)).toMatch(/^\/class\//);
    // No hint left means the bot has finished the round already.
    const verdict = await bySite.playNextHint();
    if (verdict) expect(verdict).toBe('correct');
  });

  it('a seat held for a dropped player is refused to a stranger, and once the window has passed its player is told so', { timeout: TEST_MS + SHORT_WINDOW_SECONDS * 1000 }, async () => {
    const brief = await startLiveGame({ RECONNECT_SECONDS: String(SHORT_WINDOW_SECONDS) });
    try {
      const { host, guest, code, guestContext } = await privateRoom('whole-life', brief);
      const guestId = (await seatOf(guest)).sessionId;
      // Someone else with the link, ready before the guest leaves: a page can take seconds to
      // start on a loaded machine, and the short window must not pass meanwhile.
      const stranger = await newPlayer(await context(), `${brief.url}/join/${code}`);
      await stranger.waitForScene('Start');
      await stranger.page.keyboard.type('Eve');
      await guest.page.close();
      await host.page.waitForFunction((id) => window.__tango.view!.players.get(id)?.connected === false, guestId);

      // The stranger tries while the seat is held for the guest.
      await stranger.page.keyboard.press('Enter');
      await refusalShown(stranger, 'seatHeld');

      // The window passes: a bot plays the guest's seat.
      await host.page.waitForFunction((id) => window.__tango.view!.players.get(id)?.isBot === true, guestId, { timeout: (SHORT_WINDOW_SECONDS + 20) * 1000 });
      const late = await newPlayer(guestContext, `${brief.url}/join/${code}`);
      await late.waitForScene('Start');
      await refusalShown(late, 'seatExpired');
      await stranger.click('join');
      await refusalShown(stranger, 'roomFull');
    } finally {
      await brief.stop();
    }
  });
});
