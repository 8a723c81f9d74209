import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAfterEach } from './closeAfterEach.ts';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';
import { startLiveGame, type LiveGame } from './liveGame.ts';
import { Player } from './player.ts';
import { createClassFromStart, joinAsStudent } from './teacherPages.ts';

const WAIT = { timeout: 60_000, polling: 50 } as const;

/**
 * Waits until `test`, run in the page with `arg` (it reads the class from window.__tango), passes. A
 * function, not a string of script: the game's Content-Security-Policy forbids evaluating strings.
 */
async function untilClass(page: Page, test: (arg: string) => boolean, arg = ''): Promise<void> {
  await page.waitForFunction(test, arg, WAIT);
}

/** The QR code is an <img> of the server's SVG: wait until it has been drawn. */
async function qrLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('#class-qr');
    return img !== null && img.complete && img.naturalWidth > 0;
  }, null, WAIT);
}

describe('a class in three browsers', () => {
  let game: LiveGame;
  let browser: Browser;
  const closesAfterTest = closeAfterEach();
  const pages: WatchedPage[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'tango-class-e2e-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    game = await startLiveGame({ DATA_DIR: dataDir, CLASS_SEAT_WAIT_MS: '4000' });
  });

  afterAll(async () => {
    await browser?.close();
    await game?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a teacher runs a round for two students and sees both on the leaderboard and in the report', { timeout: 180_000 }, async () => {
    const teacherPage = closesAfterTest(await openPage(browser, { width: 1920, height: 1080 }));
    const phonePage = closesAfterTest(await openPage(browser, { width: 360, height: 740 }));
    const laptopPage = closesAfterTest(await openPage(browser, { width: 1280, height: 800 }));
    pages.push(teacherPage, phonePage, laptopPage);
    const teacher = new Player(teacherPage.page, 'mouse');
    const phone = new Player(phonePage.page, 'mouse');
    const laptop = new Player(laptopPage.page, 'keyboard');

    const link = await createClassFromStart(teacher, game.url);
    expect(link).toMatch(/\/class\/[A-Z2-9]{5}$/);
    const code = link.slice(-5);
    expect(new URL(teacher.page.url()).pathname).toBe(`/teach/${code}`);
    await qrLoaded(teacher.page);

    // Students follow the join link: the code is filled in, they type a name and press Enter.
    for (const [student, name] of [[phone, 'Ada'], [laptop, '小明']] as const) {
      await student.page.goto(link.replace(/^https?:\/\/[^/]+/, game.url));
      await student.waitForScene('ClassJoin');
      expect(await student.page.inputValue('#class-code')).toBe(code);
      await joinAsStudent(student, name);
    }
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && c.students.length === 2; });
    await teacher.screenshot('class-teacher-projector');
    await phone.screenshot('class-student-lobby-phone');
    expect((await teacher.state()).classroom?.students).toEqual(['Ada', '小明']);

    // The teacher starts the round by keyboard; both students are moved into their match.
    await teacher.page.keyboard.press('s');
    await Promise.all([phone.waitForScene('Match'), laptop.waitForScene('Match')]);
    const roles = await Promise.all([phone.state(), laptop.state()]).then((s) => s.map((x) => x.role).sort());
    expect(roles).toEqual(['client', 'server']);
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && c.phase === 'playing'; });
    await Promise.all([phone.playRound(async () => phone.screenshot('class-match-phone')), laptop.playRound()]);
    await Promise.all([phone.waitForScene('RoundResult'), laptop.waitForScene('RoundResult')]);
    expect((await phone.moves()).filter((m) => m.verdict === 'correct').map((m) => m.card)).toEqual(['SYN', 'SYN+ACK', 'ACK']);

    // The projector's leaderboard shows both students once the round is over.
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && c.phase === 'review' && c.leaderboard.length === 2; });
    expect([...(await teacher.state()).classroom!.leaderboard].sort()).toEqual(['Ada', '小明']);
    await teacher.screenshot('class-teacher-leaderboard');
    await phone.screenshot('class-result-phone');

    // Back in the lobby, a student sees their rank.
    await phone.click('home');
    await phone.waitForScene('ClassLobby');
    await untilClass(phone.page, () => { const c = window.__tango.state.classroom; return c !== null && c.round === 1 && c.leaderboard.length === 2; });
    await phone.screenshot('class-student-lobby-after');

    // The teacher ends the session (pressed twice) and gets the report and the CSV.
    await teacher.click('endClass');
    await teacher.click('endClass');
    await teacher.waitForScene('ClassReport');
    await teacher.page.waitForFunction(() => (window.__tango.state.classReport?.students.length ?? 0) === 2, null, WAIT);
    const download = teacher.page.waitForEvent('download');
    await teacher.click('download');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`tcp-tango-class-${code}.csv`);
    await teacher.screenshot('class-teacher-report');
    // The pair's round: its capture file, and its replay, which opens with the teacher's key.
    const capture = teacher.page.waitForEvent('download');
    await teacher.click('pairCapture');
    expect((await capture).suggestedFilename()).toMatch(/^tcp-tango-handshake-[\w-]{16}\.pcapng$/);
    await teacher.click('pairReplay');
    await teacher.waitForScene('Replay');
    await teacher.page.waitForFunction(() => (window.__tango.state.replay?.steps ?? 0) > 0, null, WAIT);
    await untilClass(phone.page, () => { const c = window.__tango.state.classroom; return c !== null && c.phase === 'ended'; });
    await phone.screenshot('class-student-ended');

    for (const { errors } of pages) expect(errors).toEqual([]);
  });

  it('a teacher adds a scenario and the class plays each once, or sets a number of rounds', { timeout: 120_000 }, async () => {
    const teacherPage = closesAfterTest(await openPage(browser, { width: 1024, height: 768 }));
    pages.push(teacherPage);
    const teacher = new Player(teacherPage.page, 'mouse');
    await createClassFromStart(teacher, game.url);
    const settings = () => teacher.page.evaluate(() => window.__tango.state.classroom?.settings);
    expect(await settings()).toEqual({ playlist: ['handshake', 'client-close', 'server-close', 'whole-life'], rounds: 4 });

    /** Opens the settings, presses `targets` in turn, saves, and waits for the class to have `rounds`. */
    const change = async (targets: string[], rounds: number): Promise<void> => {
      await teacher.click('settings');
      await teacher.waitForScene('ClassSetup');
      for (const target of targets) await teacher.click(target);
      await teacher.click('save');
      await teacher.waitForScene('TeacherConsole');
      await teacher.page.waitForFunction((n) => window.__tango.state.classroom?.settings?.rounds === n, rounds);
    };
    // "Each once" follows the playlist: five scenarios are five rounds, not the four there were.
    await change(['scenario.lost-last-ack'], 5);
    expect((await settings())?.playlist).toEqual(['handshake', 'client-close', 'server-close', 'whole-life', 'lost-last-ack']);
    await change(['rounds.2'], 2);
    expect(teacherPage.errors).toEqual([]);
  });

  it('a teacher with more students than the screen holds scrolls to the last name and removes that student', { timeout: 120_000 }, async () => {
    const teacherPage = closesAfterTest(await openPage(browser, { width: 1280, height: 800 }));
    pages.push(teacherPage);
    const teacher = new Player(teacherPage.page, 'mouse');
    const code = (await createClassFromStart(teacher, game.url)).slice(-5);

    // Ninety students join from SDK clients (no browsers needed for them); names sort as numbered.
    const sdk = new Client(game.url);
    const names = Array.from({ length: 90 }, (_, i) => `Student ${String(i + 1).padStart(2, '0')}`);
    const students = await Promise.all(names.map((nickname) => sdk.joinById(code, { nickname })));
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && c.students.length === 90; });
    const last = names.at(-1)!;
    const roster = async (): Promise<string[]> => (await teacher.page.evaluate(() => window.__tango.state.classroom?.roster ?? []));
    expect((await roster()).length).toBeLessThan(90);
    expect(await roster()).not.toContain(last);

    // Page Down until the last name has a button; the first page's names have gone by then.
    for (let i = 0; i < 20 && !(await roster()).includes(last); i++) await teacher.page.keyboard.press('PageDown');
    const shown = await roster();
    expect(shown).toContain(last);
    expect(shown).not.toContain(names[0]);
    await teacher.screenshot('class-teacher-roster-scrolled');
    await teacher.click(`student.${shown.indexOf(last)}`);
    await teacher.click('kick');
    await untilClass(teacher.page, (name) => { const c = window.__tango.state.classroom; return c !== null && c.students.length === 89 && !c.students.includes(name); }, last);

    // And back to the top.
    for (let i = 0; i < 20 && !(await roster()).includes(names[0]!); i++) await teacher.page.keyboard.press('PageUp');
    expect(await roster()).toContain(names[0]);
    // Not awaited: the removed student's room has already been closed by the server.
    for (const room of students) void room.leave().catch(() => undefined);
    expect(teacherPage.errors).toEqual([]);
  });
});
