/**
 * An update during a class: the server restarts with a new protocol version while a teacher's
 * console and a student's page are open with the old code. Each page loses its connection, tries
 * to join its class again, is refused `outdatedClient`, reloads itself (getting the new code) and
 * is back in the class by itself, as the README's "Pages left open across an update" says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate.ts';
import { liveSuite } from './liveSuite.ts';
import { oldCodeWhile, pageLoads } from './oldCode.ts';
import { Player } from './player.ts';
import { createClassFromStart, joinAsStudent } from './teacherPages.ts';

const TEST_MS = 240_000;
const WAIT = { timeout: 90_000, polling: 100 } as const;

describe('a class open during an update', () => {
  // The class must outlive the restart: a database of its own, removed after the game stops.
  const dataDir = mkdtempSync(join(tmpdir(), 'tango-update-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const suite = liveSuite({ DATA_DIR: dataDir });

  it('comes back by itself: the teacher\'s console and the student\'s page reload once and are in the class again', { timeout: TEST_MS }, async () => {
    const [teacherPage, studentPage] = [await suite.newPage({ width: 1280, height: 800 }), await suite.newPage({ width: 390, height: 844 })];
    const teacher = new Player(teacherPage.page, 'mouse');
    const link = await createClassFromStart(teacher, suite.game.url);
    const consolePath = await teacher.page.evaluate(() => location.pathname);
    expect(consolePath).toMatch(/^\/teach\//);
    const student = new Player(studentPage.page, 'mouse');
    await student.page.goto(link);
    await joinAsStudent(student, 'Ada');
    await teacher.page.waitForFunction(() => window.__tango.state.classroom?.students.length === 1, null, WAIT);

    // The update: the server stops, and starts again on the same port with the same database; the
    // pages keep the old code until they load again.
    const [teacherLoads, studentLoads] = [pageLoads(teacherPage.context), pageLoads(studentPage.context)];
    await suite.restart(async () => {
      await oldCodeWhile(teacherPage.context, () => teacherLoads() === 0);
      await oldCodeWhile(studentPage.context, () => studentLoads() === 0);
    });

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
    const { page, context } = await suite.newPage({ width: 1280, height: 800 });
    const teacher = new Player(page, 'mouse');
    await createClassFromStart(teacher, suite.game.url);
    // From now on every call says the old version, as from a cache that keeps serving the old code.
    await oldCodeWhile(context, () => true);
    const loads = pageLoads(context);
    await teacher.page.reload();
    // Refused, it reloads itself once more; refused again within the minute, it says so on the class form.
    await expect.poll(loads, { timeout: WAIT.timeout }).toBe(2);
    await teacher.page.waitForLoadState();
    await teacher.waitForScene('ClassJoin');
    await expect.poll(() => teacher.shownText(), { timeout: WAIT.timeout }).toContain(translate('en', 'error.outdatedClient'));
    expect(loads()).toBe(2);
  });
});
