/**
 * An update during a class: the server restarts with a new protocol version while a teacher's
 * console and a student's page are open with the old code. Each page loses its connection, tries
 * to join its class again, is refused `outdatedClient`, reloads itself (getting the new code) and
 * is back in the class by itself, as the README's "Pages left open across an update" says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { launchBrowser } from './browser.ts';
import { closeAfterEach } from './closeAfterEach.ts';
import { startLiveGame, type LiveGame } from './liveGame.ts';
import { Player } from './player.ts';
import { createClassFromStart, joinAsStudent } from './teacherPages.ts';

const TEST_MS = 240_000;
const WAIT = { timeout: 90_000, polling: 100 } as const;

/**
 * The old code the context's pages run until they reload: their matchmaking calls say the
 * previous version once `old()` is true, and their first page load after that brings the new code.
 * Returns how many pages each context loaded after the update.
 */
async function cachedOldCode(context: BrowserContext, old: () => boolean): Promise<() => number> {
  let loadsAfterUpdate = 0;
  context.on('request', (r) => {
    if (old() && r.resourceType() === 'document') loadsAfterUpdate++;
  });
  await context.route('**/matchmake/**', (route) => {
    const stale = old() && loadsAfterUpdate === 0;
    const headers = { ...route.request().headers(), ...(stale ? { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION - 1) } : {}) };
    return route.continue({ headers });
  });
  return () => loadsAfterUpdate;
}

describe('a class open during an update', () => {
  let game: LiveGame;
  let browser: Browser;
  const closesAfterTest = closeAfterEach();
  const dataDir = mkdtempSync(join(tmpdir(), 'tango-update-e2e-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    game = await startLiveGame({ DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await browser?.close();
    await game?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes back by itself: the teacher\'s console and the student\'s page reload once and are in the class again', { timeout: TEST_MS }, async () => {
    let updated = false;
    const contexts = [await browser.newContext({ viewport: { width: 1280, height: 800 } }), await browser.newContext({ viewport: { width: 390, height: 844 } })];
    for (const c of contexts) closesAfterTest(c);
    const [teacherLoads, studentLoads] = [await cachedOldCode(contexts[0]!, () => updated), await cachedOldCode(contexts[1]!, () => updated)];

    const teacher = new Player(await contexts[0]!.newPage(), 'mouse');
    const link = await createClassFromStart(teacher, game.url);
    const consolePath = await teacher.page.evaluate(() => location.pathname);
    expect(consolePath).toMatch(/^\/teach\//);
    const student = new Player(await contexts[1]!.newPage(), 'mouse');
    await student.page.goto(link);
    await joinAsStudent(student, 'Ada');
    await teacher.page.waitForFunction(() => window.__tango.state.classroom?.students.length === 1, null, WAIT);

    // The update: the server stops, and starts again on the same port with the same database.
    const port = Number(new URL(game.url).port);
    await game.stop();
    updated = true;
    game = await startLiveGame({ DATA_DIR: dataDir }, port);

    // Each page is refused with its old code and reloads itself, once.
    await expect.poll(() => [teacherLoads(), studentLoads()], { timeout: WAIT.timeout, interval: 200 }).toEqual([1, 1]);
    await Promise.all([teacher.page.waitForLoadState(), student.page.waitForLoadState()]);
    await teacher.page.waitForFunction(() => window.__tango?.state?.scene === 'TeacherConsole'
      && window.__tango.state.classroom?.students.length === 1, null, WAIT);
    expect(await teacher.page.evaluate(() => location.pathname)).toBe(consolePath);
    await student.page.waitForFunction(() => window.__tango?.state?.scene === 'ClassLobby', null, WAIT);
    // And no more than once: the new code is welcome.
    expect([teacherLoads(), studentLoads()]).toEqual([1, 1]);
    expect((await teacher.state()).classroom?.students).toEqual(['Ada']);
  });

  it('tells a teacher whose page keeps getting old code to reload, and does not take the class for gone', { timeout: TEST_MS }, async () => {
    const context = closesAfterTest(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
    const teacher = new Player(await context.newPage(), 'mouse');
    await createClassFromStart(teacher, game.url);
    // From now on every call says the old version, as from a cache that keeps serving the old code.
    await context.route('**/matchmake/**', (route) => route.continue({ headers: { ...route.request().headers(), [PROTOCOL_HEADER]: String(PROTOCOL_VERSION - 1) } }));
    let pages = 0;
    context.on('request', (r) => {
      if (r.resourceType() === 'document') pages++;
    });
    await teacher.page.reload();
    // Refused, it reloads itself once more; refused again within the minute, it says so on the class form.
    await expect.poll(() => pages, { timeout: WAIT.timeout }).toBe(2);
    await teacher.page.waitForLoadState();
    await teacher.waitForScene('ClassJoin');
    await teacher.page.waitForFunction((text) => window.__tango.game!.scene.getScenes(true)[0]!.children.list
      .some((o) => 'text' in o && String((o as { text: unknown }).text).includes(text)), translate('en', 'error.outdatedClient'), WAIT);
    expect(pages).toBe(2);
  });
});
