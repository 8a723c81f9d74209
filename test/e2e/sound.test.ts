import { describe, expect, it } from 'vitest';
import { SOUND_KEYS } from '../../client/audio/cues.ts';
import { CARDS } from '../../shared/match/cards.ts';
import { measureLayout } from './layoutCheck.ts';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';
import { createClassFromStart, joinAsStudent } from './teacherPages.ts';

const ROUND_MS = 120_000;

type Rect = { x: number; y: number; width: number; height: number };
const overlap = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** What the screen's sound switch covers: every other text or button it overlaps (its own caption aside), with no other layout fault. */
async function coveredBySoundSwitch(player: Player): Promise<string[]> {
  const { facts, faults } = await measureLayout(player.page);
  const own = facts.find((f) => f.kind === 'button' && f.text.startsWith('♪'));
  if (!own) return ['no sound switch on screen'];
  return [...faults, ...facts.filter((f) => f !== own && !(f.box && overlap(f.box, own) && f.text === own.text) && overlap(f, own)).map((f) => `${f.kind} "${f.text}"`)];
}

describe('sound', () => {
  const suite = liveSuite();

  /** Opens the Start screen with one scenario for one round. */
  async function openStart(scenario: string): Promise<Player> {
    const watched = await suite.newPage({ width: 1280, height: 800 });
    const player = new Player(watched.page, 'mouse');
    await player.page.goto(`${suite.game.url}/?scenarios=${scenario}&rounds=1`);
    await player.waitForScene('Start');
    return player;
  }

  const startSolo = (player: Player): Promise<void> => player.startSolo('Solo', 'fast');

  const played = (player: Player): Promise<string[]> => player.page.evaluate(() => [...window.__tango.state.sound.played]);

  it('plays the count-down, the clock\'s start, the lost segment, each arrival, a wrong card, and the card sent and judged right, in order', async () => {
    const player = await openStart('lost-syn');
    expect((await player.state()).sound).toMatchObject({ place: 'play', on: true });
    await startSolo(player);
    // The bot takes its seat first, so the player is the server: the bot's SYN is the one lost, and its resend arrives.
    expect((await player.state()).role).toBe('server');
    const hint = await player.nextHint();
    const wrong = CARDS.find((c) => c !== 'RST' && !hint!.cards.includes(c))!;
    expect(await player.playAndWait(wrong, hint!.moves)).toBe('wrongCard');
    await player.playRound();
    await player.waitForScene('RoundResult');

    const cues = await played(player);
    const ticks = cues.findIndex((c) => c !== 'tick');
    // GET_READY_MS is 1.5 s in the test game: the step shows 2 then 1 (the 2 may be gone when the screen opens).
    expect(ticks).toBeGreaterThanOrEqual(1);
    // The final ACK's arrival ends the round: the result screen may take over before it is heard.
    const heard = cues.slice(ticks);
    if (heard.at(-1) === 'arrived') heard.pop();
    expect(heard).toEqual(['go', 'lost', 'arrived', 'wrong', 'sent', 'right']);
    expect((await player.state()).lostShown).toBe(1);
  }, ROUND_MS);

  it('plays nothing when muted on the Start screen, remembers the mute across a reload, and the match screen\'s toggle (or M) turns it back on', async () => {
    const player = await openStart('handshake');
    await player.click('sound');
    await player.page.waitForFunction(() => window.__tango.state.sound.on === false);
    expect(await player.page.evaluate((key) => localStorage.getItem(key), SOUND_KEYS.play)).toBe('off');

    await player.page.reload();
    await player.waitForScene('Start');
    expect((await player.state()).sound).toMatchObject({ place: 'play', on: false });
    await player.screenshot('sound-start-muted');
    expect(await coveredBySoundSwitch(player)).toEqual([]);
    await startSolo(player);
    await player.screenshot('sound-match-muted');
    expect(await coveredBySoundSwitch(player)).toEqual([]);
    expect((await player.state()).sound.on).toBe(false);
    await player.playRound();
    await player.waitForScene('RoundResult');
    expect(await played(player)).toEqual([]);
    expect((await player.state()).verdicts).toContain('correct');

    // The match screen has its own switch, and M works it from the keyboard (Enter plays the solo match again).
    await player.page.keyboard.press('Enter');
    await player.waitForScene('Match');
    await player.page.keyboard.press('m');
    await player.page.waitForFunction(() => window.__tango.state.sound.on === true);
    expect(await player.page.evaluate((key) => localStorage.getItem(key), SOUND_KEYS.play)).toBe('on');
    await player.playRound();
    await player.waitForScene('RoundResult');
    expect(await played(player)).toEqual(expect.arrayContaining(['sent', 'right', 'arrived']));
  }, ROUND_MS);

  it('plays the projector\'s round start and end, keeps a student\'s phone silent by default, and the console remembers its mute', async () => {
    const teacher = new Player((await suite.newPage({ width: 1920, height: 1080 })).page, 'mouse');
    const student = new Player((await suite.newPage({ width: 390, height: 844 })).page, 'mouse');
    const link = await createClassFromStart(teacher, suite.game.url);
    expect((await teacher.state()).sound).toMatchObject({ place: 'projector', on: true });
    await student.page.goto(link);
    await joinAsStudent(student, 'Ada');
    expect((await student.state()).sound).toMatchObject({ place: 'classPhone', on: false });
    await student.screenshot('sound-class-lobby-phone');
    expect(await coveredBySoundSwitch(student)).toEqual([]);

    const phase = (p: string) => teacher.page.waitForFunction((want) => window.__tango.state.classroom?.phase === want, p, { timeout: 60_000, polling: 50 });
    // The console must know Ada is here before a round can start with her.
    await teacher.page.waitForFunction(() => window.__tango.state.classroom?.students.length === 1, null, { timeout: 30_000, polling: 50 });
    await teacher.page.keyboard.press('s');
    await phase('playing');
    await student.waitForScene('Match');
    await student.page.waitForFunction(() => window.__tango.state.getReady !== '', null, { timeout: 20_000, polling: 20 });
    // The projector counts the class down on screen (the pair's get-ready), and ticks with it.
    await teacher.page.waitForFunction(() => window.__tango.state.classClock.startsWith('Get ready') && window.__tango.state.sound.played.includes('tick'),
      null, { timeout: 20_000, polling: 20 });
    await Promise.all([teacher.screenshot('sound-console-playing'), student.screenshot('sound-class-match-phone')]);
    // The switch takes a corner of the projector's header, and of the phone's match, without covering anything.
    expect(await coveredBySoundSwitch(teacher)).toEqual([]);
    expect(await coveredBySoundSwitch(student)).toEqual([]);
    // The teacher's focus moves to another window (slides): the projector still plays.
    await teacher.page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await teacher.page.keyboard.press('e');
    await phase('review');
    await teacher.page.waitForFunction(() => window.__tango.state.sound.played.includes('fanfare'), null, { timeout: 10_000, polling: 50 });
    const heard = await played(teacher);
    expect([heard[0], heard.at(-1)]).toEqual(['roundStart', 'fanfare']);
    expect(heard.slice(1, -1).filter((c) => c !== 'tick' && c !== 'go')).toEqual([]);
    expect(heard).toContain('tick');
    expect((await teacher.state()).classClock).toBe('');
    // The phone saw the get-ready count-down, silently.
    expect((await student.state()).sound).toMatchObject({ place: 'classPhone', on: false, played: [] });

    // Muted with M, the console stays muted after a reload and the next round starts in silence.
    await teacher.page.keyboard.press('m');
    await teacher.page.waitForFunction(() => window.__tango.state.sound.on === false);
    await teacher.page.reload();
    await teacher.waitForScene('TeacherConsole');
    expect((await teacher.state()).sound).toMatchObject({ place: 'projector', on: false, played: [] });
    // As before the first round: the reloaded console must know Ada is here (on a loaded machine its state comes later).
    await teacher.page.waitForFunction(() => window.__tango.state.classroom?.students.length === 1, null, { timeout: 30_000, polling: 50 });
    await teacher.page.keyboard.press('s');
    await phase('playing');
    await teacher.page.keyboard.press('e');
    await phase('review');
    expect(await played(teacher)).toEqual([]);
  }, ROUND_MS);
});
