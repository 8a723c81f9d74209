import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';
import { sdkStudent, type SdkStudent } from './sdkStudent.ts';
import { createClassFromStart, joinAsStudent } from './teacherPages.ts';

const WAIT = { timeout: 60_000, polling: 50 } as const;
type ClassFacts = NonNullable<Window['__tango']['state']['classroom']>;

/**
 * Waits until `test`, run in the page, passes, and returns the class as the page then shows it.
 * `test` reads window.__tango itself: it is sent as a function (the CSP forbids evaluating strings).
 */
async function untilClass(page: Page, test: () => boolean): Promise<ClassFacts> {
  await page.waitForFunction(test, null, WAIT);
  return page.evaluate(() => window.__tango.state.classroom!);
}

/**
 * The teacher presses S until the round starts: the key does nothing until the console counts a
 * student online, which may come a patch after their name (roster in onAuth, online in onJoin).
 */
async function startRoundByKey(teacher: Player): Promise<void> {
  for (let tries = 0; (await teacher.state()).classroom?.phase !== 'playing'; tries++) {
    if (tries === 60) throw new Error('the round never started');
    await teacher.page.keyboard.press('s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('the class as a show', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tango-show-e2e-'));
  const suite = liveSuite({ DATA_DIR: dataDir, CLASS_SEAT_WAIT_MS: '4000' });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a teacher follows every pair on tiles, shows one pair\'s ladder large, and gets the podium and the chart after the round', { timeout: 180_000 }, async () => {
    const teacher = new Player((await suite.newPage({ width: 1920, height: 1080 })).page, 'mouse');
    const phone = new Player((await suite.newPage({ width: 360, height: 740 })).page, 'mouse');
    const laptop = new Player((await suite.newPage({ width: 1280, height: 800 })).page, 'mouse');
    const link = await createClassFromStart(teacher, suite.game.url);
    const code = link.slice(-5);

    for (const [student, name] of [[phone, 'Ada'], [laptop, 'Bo']] as const) {
      await student.page.goto(link);
      await joinAsStudent(student, name);
    }
    // Four more students from SDK clients; Cy opens with three wrong cards and then sits still for 8 s.
    const others: SdkStudent[] = await Promise.all([
      sdkStudent(suite.game.url, code, 'Cy', 3, 8000), ...['Di', 'Ed', 'Flo'].map((n) => sdkStudent(suite.game.url, code, n)),
    ]);
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.students.length === 6); });
    // The lobby already says what the first round plays.
    expect((await untilClass(phone.page, () => window.__tango.state.classroom?.next === 'handshake')).next).toBe('handshake');

    await teacher.page.keyboard.press('s');
    const started = await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.phase === 'playing' && c.panel === 'tiles' && (c.tiles?.length ?? 0) === 3); });
    expect(started.tiles!.flatMap((t) => [t.client, t.server]).sort()).toEqual(['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo']);
    await Promise.all([phone.waitForScene('Match'), laptop.waitForScene('Match')]);

    // The tiles follow the pairs: moves are counted, and Cy's three wrong cards are marked.
    const browsersPlay = Promise.all([phone.playRound(), laptop.playRound()]);
    const marked = await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.tiles!.some((t) => t.struggling) && c.tiles!.some((t) => t.right >= 1)); });
    const struggling = marked.tiles!.find((t) => t.struggling)!;
    expect([struggling.client, struggling.server]).toContain('Cy');
    await teacher.screenshot('show-projector-tiles');

    // The pair with Ada, large: the teacher's screen watches its room and draws its ladder.
    const ada = started.tiles!.findIndex((t) => t.client === 'Ada' || t.server === 'Ada');
    await teacher.click(`tile.${ada}`);
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.panel === 'stage' && c.watching!.pairCode !== ''); });
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.watching!.segments >= 1); });
    await teacher.screenshot('show-projector-pair-large');
    await teacher.click('hideNames');
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.watching!.namesHidden); });
    await teacher.screenshot('show-projector-pair-large-no-names');
    // Back to every pair (or to the review, if the round ended meanwhile).
    await teacher.click('back');
    await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.panel !== 'stage' && c.watching!.pairCode === ''); });
    await browsersPlay;
    await Promise.all(others.map((o) => o.played));

    // Between rounds: the podium, the chart of steps, the next round, on the projector and the phone.
    const review = await untilClass(teacher.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.phase === 'review' && c.panel === 'review' && (c.podium?.length ?? 0) > 0); });
    expect(review.steps).toEqual(expect.arrayContaining(['open', 'answerSyn', 'completeHandshake']));
    expect(review.podium!.length).toBeLessThanOrEqual(3);
    expect(review.next).toBe('client-close');
    expect(review.tiles!.every((t) => t.status === 'won')).toBe(true);
    // The podium's blocks have risen before the picture is taken.
    await untilClass(teacher.page, () => window.__tango.state.classroom?.podiumRisen === true);
    await teacher.screenshot('show-projector-review');
    await phone.click('home');
    await phone.waitForScene('ClassLobby');
    const lobby = await untilClass(phone.page, () => { const c = window.__tango.state.classroom; return c !== null && (c.phase === 'review' && (c.podium?.length ?? 0) > 0); });
    expect(lobby.podium).toEqual(review.podium);
    expect(lobby.next).toBe('client-close');
    await untilClass(phone.page, () => window.__tango.state.classroom?.podiumRisen === true);
    await phone.screenshot('show-phone-lobby-review');
    await laptop.click('home');
    await laptop.waitForScene('ClassLobby');
    await untilClass(laptop.page, () => window.__tango.state.classroom?.podiumRisen === true);
    await laptop.screenshot('show-laptop-lobby-review');

    await Promise.all(others.map((o) => o.leave()));
  });

  it('a projector reloaded in the middle of a round counts it down from where it is, not from its start', { timeout: 120_000 }, async () => {
    const watched = await suite.newPage({ width: 1920, height: 1080 });
    const teacher = new Player(watched.page, 'mouse');
    const link = await createClassFromStart(teacher, suite.game.url);
    // One wrong card, then still for a minute: the round runs while the projector reloads.
    const ada = await sdkStudent(suite.game.url, link.slice(-5), 'Ada', 1, 60_000);
    await startRoundByKey(teacher);
    const secondsLeft = async (): Promise<number> => {
      await teacher.page.waitForFunction(() => / s left/.test(window.__tango.state.classClock), null, WAIT).catch(async (e: unknown) => {
        const seen = await teacher.page.evaluate(() => ({ scene: window.__tango.state.scene, clock: window.__tango.state.classClock, phase: window.__tango.state.classroom?.phase }));
        throw new Error(`no count-down on the console: ${JSON.stringify(seen)}; page errors ${JSON.stringify(watched.errors)}: ${String(e)}`);
      });
      return Number(/(\d+) s left/.exec(await teacher.page.evaluate(() => window.__tango.state.classClock))![1]);
    };
    await secondsLeft();
    // Long enough into the round that a clock counting from the round's start would show it.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    let before = await secondsLeft();
    // Several reloads: a third of them once froze the console (below), depending on which came first.
    for (let reload = 0; reload < 6; reload++) {
      await teacher.page.reload();
      await teacher.waitForScene('TeacherConsole');
      // Before e027c73 the page took the class clock's last stamp (when the pair was seated) for
      // now: "Get ready" again, then 4 s more than before the reload.
      const after = await secondsLeft();
      expect(after, `reload ${reload + 1}`).toBeLessThanOrEqual(before);
      before = after;
    }
    // A console that joined before the class's first state arrived read a class with no settings
    // ("t.settings.playlist is not iterable"): the throw in its update stopped the game, frozen.
    expect(watched.errors).toEqual([]);
    await ada.leave();
  });

  it('a student\'s phone stands still while the teacher pauses the round, and goes on from there', { timeout: 120_000 }, async () => {
    const teacher = new Player((await suite.newPage({ width: 1920, height: 1080 })).page, 'mouse');
    const phone = new Player((await suite.newPage({ width: 390, height: 844 }, 3)).page, 'mouse');
    const link = await createClassFromStart(teacher, suite.game.url);
    await phone.page.goto(link);
    await joinAsStudent(phone, 'Ada');
    await untilClass(teacher.page, () => window.__tango.state.classroom?.students.length === 1);
    await startRoundByKey(teacher);
    await phone.waitForScene('Match');
    // Ada plays against a bot; whichever role she has, her deadline's count-down is on her host.
    const deadline = async (): Promise<number> => {
      await phone.page.waitForFunction(() => window.__tango.layout!().some((f) => /^Your move [\d.]+ s$/.test(f.text)), null, WAIT);
      const texts = await phone.page.evaluate(() => window.__tango.layout!().map((f) => f.text));
      return Number(/^Your move ([\d.]+) s$/.exec(texts.find((t) => /^Your move [\d.]+ s$/.test(t))!)![1]);
    };
    // Paused in the round itself, after the get-ready step (which the pause would freeze as well).
    await phone.page.waitForFunction(() => window.__tango.state.getReady === '', null, WAIT);
    await deadline();
    await teacher.page.keyboard.press('p');
    await untilClass(teacher.page, () => window.__tango.state.classroom?.paused === true);
    await phone.page.waitForFunction(() => window.__tango.state.explanation.includes('paused'), null, WAIT);
    // The count-down is drawn at the next frame (the explanation at the patch): let it catch up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const atPause = await deadline();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Before, the phone's clock ran on: the deadline counted down to 0 s and the ★ hint came, while the server's stood.
    expect(await deadline()).toBe(atPause);
    await phone.screenshot('show-phone-paused');
    await teacher.page.keyboard.press('p');
    await untilClass(teacher.page, () => window.__tango.state.classroom?.paused === false);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // It goes on from where it stood: about a second less, not the pause's seconds as well.
    const after = await deadline();
    expect(after).toBeLessThan(atPause);
    expect(after).toBeGreaterThan(atPause - 2);
  });
});
