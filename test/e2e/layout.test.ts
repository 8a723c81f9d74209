import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../client/i18n/en.ts';
import { zhHant } from '../../client/i18n/zh-Hant.ts';
import { LOCALES } from '../../shared/i18n/messages.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { SCENARIO_IDS, type ScenarioId } from '../../shared/scenarios/scenario.ts';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';
import { closeAfterEach } from './closeAfterEach.ts';
import { measureLayout, overlap, textFact, type Measured, type Rect } from './layoutCheck.ts';
import { startLiveGame, type LiveGame } from './liveGame.ts';
import { Player } from './player.ts';
import { createClassFromStart, joinAsStudent } from './teacherPages.ts';

const WAIT = { timeout: 60_000, polling: 50 } as const;
/** The longest nickname the game takes, so every place that shows one is tried at its widest. */
const LONG_NAME = 'Maximiliana Wolfgang';

/** The sizes students and teachers hold: three ordinary phones (a narrow one, a short one) and a projector. */
const SIZES = [
  { name: '360x740@2', width: 360, height: 740, scale: 2 },
  { name: '375x667@2', width: 375, height: 667, scale: 2 },
  { name: '390x844@3', width: 390, height: 844, scale: 3 },
  { name: '1920x1080@1', width: 1920, height: 1080, scale: 1 },
] as const;

/** The gap between two rectangles in CSS px (0 when they touch or overlap). */
function gap(a: Rect, b: Rect): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

let game: LiveGame;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'tango-layout-e2e-'));

beforeAll(async () => {
  browser = await launchBrowser();
  game = await startLiveGame({ DATA_DIR: dataDir, CHALLENGE_DURATION_MS: '10000' });
});

afterAll(async () => {
  await browser?.close();
  await game?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface PopWatch { text: string; over: number }

/** Measures, every frame while the match runs, how far any fitted text grows past the width it was fitted to, animations included. */
async function watchPops(player: Player): Promise<void> {
  await player.page.evaluate(() => {
    const w = window as unknown as { __pop: PopWatch };
    w.__pop = { text: '', over: 0 };
    const sample = () => {
      for (const f of window.__tango.layout?.() ?? []) {
        const over = f.fit ? f.width - f.fit.width : 0;
        if (over > w.__pop.over) w.__pop = { text: f.text, over: Math.round(over) };
      }
      if (window.__tango.state.scene === 'Match') requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

async function widestPop(player: Player): Promise<PopWatch> {
  return player.page.evaluate(() => (window as unknown as { __pop: PopWatch }).__pop);
}

describe.each(SIZES)('every screen fits and reads at $name', (size) => {
  const closesAfterTest = closeAfterEach();

  async function phone(): Promise<{ player: Player; watched: WatchedPage }> {
    const watched = await openPage(browser, { width: size.width, height: size.height }, size.scale);
    closesAfterTest(watched.context);
    return { player: new Player(watched.page, 'mouse'), watched };
  }

  /** Measures the screen, keeps a screenshot of it, and expects no fault. */
  async function fits(player: Player, shot: string): Promise<Measured> {
    const measured = await measureLayout(player.page);
    await player.screenshot(`layout-${size.name}-${shot}`);
    expect(measured.faults, shot).toEqual([]);
    return measured;
  }

  /** Waits until the text reads on screen, then measures. */
  async function until(player: Player, text: string): Promise<Measured> {
    await player.page.waitForFunction((s) => (window.__tango.layout?.() ?? []).some((f) => f.text.includes(s)), text, WAIT);
    return measureLayout(player.page);
  }

  it('the Start screen shows every control in each mode, and an error next to what was pressed', async () => {
    const { player, watched } = await phone();
    await player.page.goto(game.url);
    await player.waitForScene('Start');
    for (const mode of ['quick', 'solo', 'private'] as const) {
      await player.click(`mode.${mode}`);
      const measured = await fits(player, `start-${mode}`);
      // Every way on is on screen: the main action, the challenge and the classroom.
      for (const label of [mode === 'private' ? en['start.create'] : en['start.play'], `◷ ${en['start.challenge']}`, `▦ ${en['class.open']}`, `⤒ ${en['start.openCapture']}`]) {
        expect(measured.facts.some((f) => f.kind === 'button' && f.text === label), label).toBe(true);
      }
      // (`fits` also checks every button is about a fingertip tall: the private mode's were 32 px at
      // 375 × 667, the screen choosing roomier spacing for the taller view its own zoom made.)
    }

    // Create without a nickname: the reason shows beside the button that was pressed.
    await player.click('play');
    const noName = await until(player, en['start.needNickname']);
    await player.screenshot(`layout-${size.name}-start-no-nickname`);
    expect(noName.faults).toEqual([]);
    const create = noName.facts.find((f) => f.kind === 'button' && f.text === en['start.create'])!;
    expect(gap(textFact(noName, en['start.needNickname'])!, create)).toBeLessThan(48);

    // A code nobody has: the refusal shows beside Join, in the player's language.
    await player.page.click('#nickname');
    await player.page.keyboard.type(LONG_NAME);
    await player.page.click('#room-code');
    await player.page.keyboard.type('ZZZZZ');
    await player.click('join');
    const refused = translate('en', 'error.roomNotFound');
    const failed = await until(player, refused);
    await player.screenshot(`layout-${size.name}-start-failed-join`);
    expect(failed.faults).toEqual([]);
    const joinButton = failed.facts.find((f) => f.kind === 'button' && f.text === en['start.join'])!;
    expect(gap(textFact(failed, refused)!, joinButton)).toBeLessThan(48);
    // A file that is not a capture: the reason shows beside the button that opens one.
    await player.page.setInputFiles('#capture-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some text, no capture') });
    const notCapture = translate('en', 'capture.error.notACapture');
    const badFile = await until(player, notCapture);
    await player.screenshot(`layout-${size.name}-start-not-a-capture`);
    expect(badFile.faults).toEqual([]);
    const openCapture = badFile.facts.find((f) => f.kind === 'button' && f.text === `⤒ ${en['start.openCapture']}`)!;
    expect(gap(textFact(badFile, notCapture)!, openCapture)).toBeLessThan(48);

    // The refused join is the one resource that fails, by design (the server answers 522).
    expect(watched.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
  }, 240_000);

  it('a solo match in progress and its round result fit, with the longest nickname', async () => {
    const { player, watched } = await phone();
    await player.page.goto(`${game.url}/?scenarios=handshake,client-close&rounds=2`);
    await player.waitForScene('Start');
    await player.startSolo(LONG_NAME, 'fast');
    expect(await player.nextHint()).not.toBeNull();
    await fits(player, 'match');
    await watchPops(player);
    await player.playRound();
    // Each state change pops its name (SYN-RECEIVED fills a phone's host box): never past its room.
    const pop = await widestPop(player);
    expect(pop.over, `${pop.text} popped ${pop.over} px past its room`).toBeLessThanOrEqual(1);
    await player.waitForScene('RoundResult');
    await player.page.waitForFunction(() => window.__tango.targets.next !== undefined, null, WAIT);
    const result = await fits(player, 'round-result');
    // The ladder's ✓ marks cover no state name or segment label (they once sat on "SYN-RECEIVED").
    const marks = result.facts.filter((f) => f.kind === 'text' && f.text === '✓');
    expect(marks.length).toBeGreaterThanOrEqual(3);
    const covered = marks.flatMap((m) => result.facts.filter((f) => f !== m && f.kind === 'text' && overlap(f, m) > 1).map((f) => `✓ at ${Math.round(m.x)},${Math.round(m.y)} covers "${f.text}"`));
    expect(covered).toEqual([]);
    expect(watched.errors).toEqual([]);
  }, 240_000);

  it('a wrong card\'s whole explanation reads inside its panel', async () => {
    const { player, watched } = await phone();
    // In "abort" both ends start ESTABLISHED, and a FIN+ACK there is wrong for either role with
    // one of the longest explanations a first card can get (over 200 characters in English).
    await player.page.goto(`${game.url}/?scenarios=abort&rounds=1`);
    await player.waitForScene('Start');
    await player.startSolo('Solo', 'slow');
    await player.page.waitForFunction(() => window.__tango.state.getReady === '', null, WAIT);
    await player.playCard('FIN+ACK');
    await player.page.waitForFunction(() => window.__tango.state.explanation.startsWith('Mistake: FIN+ACK'), null, WAIT);
    const measured = await fits(player, 'long-mistake');
    const said = measured.facts.find((f) => f.kind === 'text' && f.text.startsWith('Mistake: FIN+ACK'));
    expect(said, 'the mistake is on screen').toBeDefined();
    expect(watched.errors).toEqual([]);
  }, 120_000);

  it('the longest scenario goal and the ISN in each language read whole, above and inside the hosts', async () => {
    for (const locale of LOCALES) {
      // A page of its own for each: a page that left a solo match would be taken back to its seat.
      const { player, watched } = await phone();
      await player.page.goto(game.url);
      const goalOf = (id: ScenarioId) => translate(locale, `scenario.${id}.goal`);
      const longest = SCENARIO_IDS.reduce((a, b) => (goalOf(b).length > goalOf(a).length ? b : a));
      const goal = goalOf(longest);
      await player.page.evaluate((l) => localStorage.setItem('tango.locale', l), locale);
      await player.page.goto(`${game.url}/?scenarios=${longest}&rounds=1`);
      await player.waitForScene('Start');
      await player.page.click('#nickname');
      await player.page.keyboard.type('Goal');
      await player.click('mode.solo');
      // Numbers: the player's host shows its ISN too, the longest line a host box has.
      await player.click('difficulty.numbers');
      await player.click('play');
      await player.waitForScene('Match');
      const measured = await until(player, goal);
      await player.screenshot(`layout-${size.name}-match-goal-${locale}`);
      expect(measured.faults, `${longest} in ${locale}`).toEqual([]);
      // The header's goal, not the get-ready step's copy of it over the match.
      const header = measured.facts.filter((f) => f.kind === 'text' && f.text === goal).sort((a, b) => a.y - b.y)[0]!;
      const panelsTop = Math.min(...measured.facts.filter((f) => f.kind === 'panel').map((f) => f.y));
      expect(header.y + header.height, `${longest} in ${locale}`).toBeLessThanOrEqual(panelsTop + 0.5);
      expect(watched.errors).toEqual([]);
    }
  }, 240_000);

  it('the challenge result and the leaderboard fit', async () => {
    const { player, watched } = await phone();
    await player.page.goto(game.url);
    await player.waitForScene('Start');
    await player.page.click('#nickname');
    await player.page.keyboard.type(LONG_NAME);
    await player.click('challenge');
    await player.waitForScene('ChallengeSetup');
    await fits(player, 'challenge-setup');
    await player.click('speed.fast');
    await player.click('start');
    await player.waitForScene('ChallengeMatch');
    await fits(player, 'challenge-match');
    // The challenge runs out by itself; the result waits for it.
    await player.waitForScene('ChallengeResult');
    await player.page.waitForFunction(() => window.__tango.state.challenge, null, WAIT);
    await fits(player, 'challenge-result');
    await player.click('leaderboard');
    await player.waitForScene('Leaderboard');
    await player.page.waitForFunction(() => window.__tango.state.leaderboard?.loading === false, null, WAIT);
    await fits(player, 'leaderboard');
    expect(watched.errors).toEqual([]);
  }, 240_000);

  it('a student who joined a class sees a lobby that fits, and the teacher\'s console at the same size fits', async () => {
    // The teacher's console at the same size (a projector, or a teacher's phone): a class of its own for each size.
    const teacher = await openPage(browser, { width: size.width, height: size.height }, size.scale);
    closesAfterTest(teacher.context);
    const classLink = await createClassFromStart(new Player(teacher.page, 'mouse'), game.url);
    const { player, watched } = await phone();
    await player.page.goto(classLink);
    await player.waitForScene('ClassJoin');
    await fits(player, 'class-join');
    await joinAsStudent(player, LONG_NAME);
    await player.page.waitForFunction(() => window.__tango.state.classroom !== null, null, WAIT);
    await fits(player, 'class-lobby');
    const console = new Player(teacher.page, 'mouse');
    await console.page.waitForFunction(() => (window.__tango.state.classroom?.students.length ?? 0) > 0, null, WAIT);
    await fits(console, 'teacher-console');
    expect(watched.errors).toEqual([]);
  }, 240_000);
});

describe('a phone held sideways', () => {
  const closesAfterTest = closeAfterEach();

  /** What the page shows of the turn-upright notice: its text if it covers the game, '' if it is hidden. */
  async function notice(page: WatchedPage['page']): Promise<string> {
    return page.evaluate(() => {
      const el = document.getElementById('turn-upright');
      if (!el || getComputedStyle(el).display === 'none') return '';
      const box = el.getBoundingClientRect();
      // It must cover the whole viewport, over the game and its text fields.
      return box.width >= innerWidth && box.height >= innerHeight ? el.innerText.trim() : `covers only ${box.width}×${box.height}`;
    });
  }

  it('is asked to turn upright in its own language, and the game shows again once it is', async () => {
    const watched = await openPage(browser, { width: 844, height: 390 }, 3);
    closesAfterTest(watched.context);
    const player = new Player(watched.page, 'mouse');
    await player.page.goto(game.url);
    await player.waitForScene('Start');
    expect(await notice(player.page)).toBe(en['layout.turnUpright']);
    await player.screenshot('layout-844x390@3-sideways');
    await player.page.evaluate(() => localStorage.setItem('tango.locale', 'zh-Hant'));
    await player.page.reload();
    await player.waitForScene('Start');
    expect(await notice(player.page)).toBe(zhHant['layout.turnUpright']);
    // Upright, and on a laptop or a projector, there is no notice.
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await player.page.setViewportSize(size);
      expect(await notice(player.page), `${size.width}×${size.height}`).toBe('');
    }
    expect(watched.errors).toEqual([]);
  }, 120_000);
});

describe('a phone\'s ladder after missed deadlines', () => {
  const closesAfterTest = closeAfterEach();

  it('keeps a "Too slow" mark off the label of the segment sent at that moment, and off other marks', async () => {
    const watched = await openPage(browser, { width: 390, height: 844 }, 3);
    closesAfterTest(watched.context);
    const player = new Player(watched.page, 'mouse');
    // The server in a whole connection, the bot's client resending its DATA while the player waits:
    // a deadline ran out as a resent DATA crossed, and its mark sat on the DATA's label.
    await player.page.goto(`${game.url}/?scenarios=whole-life&rounds=1`);
    await player.waitForScene('Start');
    await player.startSolo('Solo', 'slow');
    const hint = await player.nextHint();
    await player.playAndWait(hint!.cards[0]!, hint!.moves);
    await player.page.waitForFunction(() => window.__tango.layout!().filter((f) => f.text.includes('Too slow')).length >= 2, null, { timeout: 60_000, polling: 100 });
    const measured = await measureLayout(player.page);
    const marks = measured.facts.filter((f) => f.kind === 'text' && f.text.includes('Too slow'));
    const labels = measured.facts.filter((f) => f.kind === 'text' && /^(SYN|ACK|FIN|DATA|RST)\S* \d/.test(f.text));
    expect(labels.length).toBeGreaterThan(4);
    const covered = marks.flatMap((m) => labels.filter((l) => overlap(m, l) > 0).map((l) => `"${m.text}" on "${l.text}"`));
    // Nor does any ✗ mark cover another ("✗ SYN" and a "Too slow" a moment later once did).
    const crosses = measured.facts.filter((f) => f.kind === 'text' && f.text.startsWith('✗ '));
    const stacked = crosses.flatMap((m, i) => crosses.slice(i + 1).filter((n) => overlap(m, n) > 0).map((n) => `"${m.text}" on "${n.text}"`));
    await player.screenshot('layout-390x844@3-ladder-missed');
    expect(covered).toEqual([]);
    expect(stacked).toEqual([]);
    expect(measured.faults).toEqual([]);
  }, 120_000);
});

describe('a touch phone without a keyboard', () => {
  const closesAfterTest = closeAfterEach();
  const keysShown = (player: Player) => player.page.evaluate(() => window.__tango.layout!().some((f) => f.text.startsWith('Keys 1–7')));

  it('shows no keyboard help in a match until a key is pressed; a page with a mouse shows it at once', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    closesAfterTest(context);
    const touch = new Player(await context.newPage(), 'mouse');
    await touch.page.goto(`${game.url}/?scenarios=handshake&rounds=1`);
    await touch.waitForScene('Start');
    // The on-screen keyboard typing a name is no keyboard for the game.
    await touch.page.click('#nickname');
    await touch.page.keyboard.type('Thumbs');
    await touch.startSolo('Thumbs', 'slow');
    expect(await keysShown(touch)).toBe(false);
    expect((await measureLayout(touch.page)).faults).toEqual([]);
    // A keyboard plugged into a tablet: the first key brings the help, and the screen still fits.
    await touch.page.keyboard.press('Shift');
    await touch.page.waitForFunction(() => window.__tango.layout!().some((f) => f.text.startsWith('Keys 1–7')), null, WAIT);
    expect((await measureLayout(touch.page)).faults).toEqual([]);

    const mouse = await openPage(browser, { width: 390, height: 844 }, 3);
    closesAfterTest(mouse.context);
    const withMouse = new Player(mouse.page, 'mouse');
    await withMouse.page.goto(`${game.url}/?scenarios=handshake&rounds=1`);
    await withMouse.waitForScene('Start');
    await withMouse.startSolo('Mouse', 'slow');
    expect(await keysShown(withMouse)).toBe(true);
  }, 120_000);
});
