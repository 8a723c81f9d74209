import { describe, expect, it } from 'vitest';
import { SOUND_KEYS } from '../../client/audio/cues.ts';
import { CARDS } from '../../shared/match/cards.ts';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';

const ROUND_MS = 120_000;

describe('sound in solo play', () => {
  const suite = liveSuite();

  /** Opens the Start screen with one scenario for one round. */
  async function openStart(scenario: string): Promise<Player> {
    const watched = await suite.newPage({ width: 1280, height: 800 });
    const player = new Player(watched.page, 'mouse');
    await player.page.goto(`${suite.game.url}/?scenarios=${scenario}&rounds=1`);
    await player.waitForScene('Start');
    return player;
  }

  async function startSolo(player: Player): Promise<void> {
    await player.page.keyboard.type('Solo');
    await player.click('mode.solo');
    await player.click('speed.fast');
    await player.click('play');
    await player.waitForScene('Match');
  }

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
    await startSolo(player);
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
});
