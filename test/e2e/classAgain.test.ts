import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';
import { createClassFromStart } from './teacherPages.ts';

const WAIT = { timeout: 60_000, polling: 50 } as const;
const dataDir = mkdtempSync(join(tmpdir(), 'tango-again-e2e-'));

describe('a teacher\'s Time screen and past classes', () => {
  const suite = liveSuite({ DATA_DIR: dataDir });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gives a student extra time away from the projector, then runs the class again with the same names', async () => {
    const watched = await suite.newPage({ width: 1280, height: 800 });
    const teacher = new Player(watched.page, 'mouse');
    const code = (await createClassFromStart(teacher, suite.game.url)).split('/').pop()!;
    const amy = await new Client(suite.game.url).joinById(code, { nickname: 'Amy' });
    await teacher.page.waitForFunction(() => window.__tango.state.classroom?.students.includes('Amy') ?? false, null, WAIT);

    await teacher.click('time');
    await teacher.waitForScene('ClassTime');
    await teacher.click('student.Amy');
    await teacher.click('allowance.extra');
    await teacher.page.waitForFunction(() => window.__tango.state.classTime?.startsWith('Extra time: Amy') ?? false, null, WAIT);
    await teacher.screenshot('class-time');
    await teacher.click('back');
    await teacher.waitForScene('TeacherConsole');

    // Later: from the Classroom screen, the same class again, under a new code.
    await teacher.page.goto(suite.game.url);
    await teacher.waitForScene('Start');
    await teacher.click('classroom');
    await teacher.waitForScene('ClassJoin');
    await teacher.click('pastClasses');
    await teacher.waitForScene('PastClasses');
    await teacher.page.waitForFunction(() => window.__tango.targets['class.0'] !== undefined, null, WAIT);
    await teacher.screenshot('past-classes');
    await teacher.click('class.0');
    await teacher.waitForScene('TeacherConsole');
    const again = (await teacher.page.inputValue('#class-link')).split('/').pop()!;
    expect(again).not.toBe(code);
    await teacher.page.waitForFunction(() => window.__tango.state.classroom?.students.includes('Amy') ?? false, null, WAIT);
    await amy.leave();
    expect(watched.errors).toEqual([]);
  }, 120_000);
});
