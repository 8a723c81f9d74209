import { describe, expect, it } from 'vitest';
import { explainMove } from '../../shared/i18n/moveText.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { isMessageKey } from '../../shared/i18n/translate.ts';
import { CARDS } from '../../shared/match/cards.ts';
import type { WatchedPage } from './browser.ts';
import { liveSuite } from './liveSuite.ts';
import { Player, type Hands } from './player.ts';

const ROUND_MS = 120_000;

describe('solo against the bot', () => {
  const suite = liveSuite();
  const newPage = suite.newPage;

  /** Opens the game with a playlist and starts a solo match from the Start screen. */
  async function startSolo(scenario: string, hands: Hands, size?: { width: number; height: number }, beforeLoad?: (page: WatchedPage['page']) => Promise<unknown>):
    Promise<{ player: Player; watched: WatchedPage }> {
    const watched = await newPage(size);
    await beforeLoad?.(watched.page);
    const player = new Player(watched.page, hands);
    await player.page.goto(`${suite.game.url}/?scenarios=${scenario}&rounds=1`);
    await player.waitForScene('Start');
    await player.startSolo('Solo', 'fast');
    return { player, watched };
  }

  it('explains a wrong card in the player\'s language, and the round still completes', async () => {
    const { player, watched } = await startSolo('handshake', 'mouse', { width: 1280, height: 800 });
    // Switching language is remembered: the next page load speaks Traditional Chinese.
    await player.page.evaluate(() => localStorage.setItem('tango.locale', 'zh-Hant'));
    await player.page.reload();
    await player.waitForScene('Match');

    const hint = await player.nextHint();
    expect(hint).not.toBeNull();
    const wrong = CARDS.find((c) => c !== 'RST' && !hint!.cards.includes(c))!;
    expect(await player.playAndWait(wrong, hint!.moves)).toBe('wrongCard');
    const mistake = (await player.moves()).find((m) => m.verdict === 'wrongCard')!;
    expect(isMessageKey(mistake.why)).toBe(true);
    const why = explainMove(mistake, 'zh-Hant');
    const shown = (await player.state()).explanation;
    expect(shown).toContain(why);
    expect(shown).toContain('錯誤');
    // Said by the state the player is in, then why that card does not fit it.
    expect(shown).toContain(`你處於 ${mistake.state}`);
    expect(shown).toContain(translate('zh-Hant', mistake.why as Parameters<typeof translate>[1], { card: wrong, expected: mistake.expected.join(' / ') }));
    await player.screenshot('mistake-explained');

    await player.playRound();
    await player.waitForScene('RoundResult');
    expect(await player.page.evaluate(() => window.__tango.view!.roundStatus)).toBe('won');
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  it('gets the player ready before the clock starts (role, goal, count-down), then shows the hint only after a hesitation', async () => {
    const { player, watched } = await startSolo('handshake', 'mouse', { width: 390, height: 844 });
    const goal = translate('en', 'scenario.handshake.goal');
    const shown = await player.page.waitForFunction(() => window.__tango.state.getReady || false, null, { timeout: 10_000, polling: 20 });
    const [youAre, said, count] = String(await shown.jsonValue()).split(' | ');
    expect(youAre).toMatch(/^You are the (● CLIENT|■ SERVER)$/);
    expect(said).toBe(goal);
    expect(Number(count)).toBeGreaterThanOrEqual(1);
    await player.page.waitForFunction(() => window.__tango.state.getReady === '', null, { timeout: 10_000, polling: 20 });
    // Before anything has happened the panel says whose move it is: the client opens, the server waits.
    const before = await player.state();
    expect(before.explanation).toBe(translate('en', before.role === 'client' ? 'hint.yourMove' : 'hint.wait'));

    // The first move's ★ and "do this" wait for a hesitation (4 s after the move became expected); then they show.
    const hint = await player.page.waitForFunction(() => {
      const t = window.__tango;
      const me = t.view?.players.get(t.state.sessionId);
      const ep = me && t.view?.endpoints.get(me.role);
      return ep && ep.hintAt >= 0 && ep.hintCards.length > 0 ? { key: ep.hintKey, explanation: t.state.explanation } : false;
    }, null, { timeout: 20_000, polling: 20 });
    const { key, explanation } = (await hint.jsonValue()) as { key: string; explanation: string };
    const text = translate('en', key as Parameters<typeof translate>[1]);
    expect(explanation).not.toBe(text);
    await player.page.waitForFunction((t) => window.__tango.state.explanation === t, text, { timeout: 10_000, polling: 50 });

    await player.playRound();
    await player.waitForScene('RoundResult');
    // Played after the hint showed, the first right move counts as hinted and scores less.
    const role = (await player.state()).role;
    const first = (await player.moves()).find((m) => m.role === role && m.verdict === 'correct');
    expect(first).toMatchObject({ hinted: true });
    expect(first!.points).toBeLessThan(100);
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  it('shows no countdown before the room has told its time', async () => {
    // Every frame from the first, the longest countdown any text shows ("Your move 7.8 s").
    const { player, watched } = await startSolo('old-segment-time-wait', 'mouse', { width: 360, height: 740 }, (page) => page.addInitScript(() => {
      const w = window as unknown as { __longestCountdown: number };
      w.__longestCountdown = 0;
      const sample = () => {
        for (const f of window.__tango?.layout?.() ?? []) {
          const seconds = /(\d+(?:\.\d+)?) s$/.exec(f.text);
          if (seconds) w.__longestCountdown = Math.max(w.__longestCountdown, Number(seconds[1]));
        }
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    }));
    // Both endpoints have a move due from the start: the player's deadline is counting down.
    await player.page.waitForFunction(() => window.__tango.state.getReady === '', null, { timeout: 10_000, polling: 20 });
    const longest = await player.page.evaluate(() => (window as unknown as { __longestCountdown: number }).__longestCountdown);
    // A new room's first state came before its first clock stamp, and a deadline once read 1,796,422,180 s.
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThan(60);
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  it('shows a lost segment vanishing, and the retransmission completes the round', async () => {
    const { player, watched } = await startSolo('lost-syn-ack', 'keyboard', { width: 360, height: 740 });
    await player.playRound(async () => undefined);
    await player.waitForScene('RoundResult');
    const lost = await player.page.evaluate(() => window.__tango.view!.segments.filter((s) => s.status === 'lost').map((s) => s.card));
    expect(lost).toEqual(['SYN+ACK']);
    expect((await player.state()).lostShown).toBeGreaterThanOrEqual(1);
    expect(await player.page.evaluate(() => window.__tango.view!.roundStatus)).toBe('won');
    await player.screenshot('lost-segment-result');
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  it('resumes the same seat after a page reload in the middle of a round', async () => {
    const { player, watched } = await startSolo('whole-life', 'keyboard');
    const before = await player.state();
    const first = await player.nextHint();
    await player.playAndWait(first!.cards[0]!, first!.moves);

    await player.page.reload();
    await player.waitForScene('Match');
    const after = await player.state();
    expect(after.sessionId).toBe(before.sessionId);
    expect(after.role).toBe(before.role);
    expect((await player.moves()).length).toBeGreaterThan(0);

    await player.playRound();
    await player.waitForScene('RoundResult');
    const end = await player.page.evaluate(() => ({
      status: window.__tango.view!.roundStatus, states: [...window.__tango.view!.endpoints.values()].map((e) => e.state),
    }));
    expect(end).toEqual({ status: 'won', states: ['CLOSED', 'CLOSED'] });
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  /** Loads the page afresh and plays from the Start screen as saved; the match's first scenario and its rounds. */
  async function playAfterReload(player: Player): Promise<{ scenario: string; rounds: number }> {
    await player.page.reload();
    await player.waitForScene('Start');
    await player.click('play');
    await player.waitForScene('Match');
    return player.page.evaluate(() => ({ scenario: window.__tango.view!.scenarioId, rounds: window.__tango.view!.rounds }));
  }

  it('lets a learner on a small phone pick the scenarios of a solo match, and remembers them', async () => {
    const size = { width: 360, height: 640 };
    const watched = await newPage(size);
    const player = new Player(watched.page, 'mouse');
    await player.page.goto(suite.game.url);
    await player.waitForScene('Start');
    await player.page.keyboard.type('Night owl');
    await player.click('mode.private');
    // The Start screen fits a small phone whole, with the room code row showing.
    const targets = await player.page.evaluate(() => window.__tango.targets);
    for (const name of ['play', 'scenarios', 'challenge', 'classroom', 'join']) {
      expect(targets[name]!.y, name).toBeLessThan(size.height - 20);
    }
    await player.click('mode.solo');
    await player.click('scenarios');
    await player.waitForScene('ScenarioPicker');

    // Nothing chosen is refused on the spot; the screen stays.
    await player.click('clear');
    await player.click('done');
    await player.page.waitForTimeout(300);
    expect((await player.state()).scene).toBe('ScenarioPicker');

    await player.click('scenario.lost-last-ack');
    await player.click('scenario.simultaneous-open');
    expect((await player.state()).scenarios).toEqual({ chosen: ['lost-last-ack', 'simultaneous-open'], mastered: [] });
    await player.click('done');
    await player.waitForScene('Start');

    // Kept across a visit: the next page load plays the same two, in the order they were tapped.
    expect(await playAfterReload(player)).toEqual({ scenario: 'lost-last-ack', rounds: 2 });

    // A round won without a mistake is marked ✓ in the picker from then on.
    await player.playRound();
    await player.waitForScene('RoundResult');
    await player.click('home');
    await player.waitForScene('Start');
    await player.click('scenarios');
    await player.waitForScene('ScenarioPicker');
    expect((await player.state()).scenarios?.mastered).toEqual(['lost-last-ack']);
    await player.screenshot('scenario-picker-phone');
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  it('starts the picker from a homework link\'s scenarios, and the player\'s own choice then replaces the link\'s', async () => {
    const watched = await newPage();
    const player = new Player(watched.page, 'mouse');
    await player.page.goto(`${suite.game.url}/?scenarios=lost-syn&rounds=1`);
    await player.waitForScene('Start');
    await player.page.keyboard.type('Homework');
    await player.click('mode.solo');
    await player.click('scenarios');
    await player.waitForScene('ScenarioPicker');
    expect((await player.state()).scenarios?.chosen).toEqual(['lost-syn']);
    await player.click('scenario.handshake');
    await player.click('done');
    await player.waitForScene('Start');
    expect(new URL(player.page.url()).search).toBe('');
    expect(await playAfterReload(player)).toEqual({ scenario: 'lost-syn', rounds: 2 });
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  it('plays a finished solo match again with the same choices, in a new room', async () => {
    const { player, watched } = await startSolo('lost-syn', 'keyboard', { width: 390, height: 844 });
    const first = await player.page.evaluate(() => window.__tango.view!.code);
    await player.playRound();
    await player.waitForScene('RoundResult');
    await player.page.waitForFunction(() => window.__tango.view?.phase === 'finished');
    // Enter on the end of a solo match plays it again rather than going back to the start.
    await player.page.keyboard.press('Enter');
    await player.page.waitForFunction((code) => window.__tango.state.scene === 'Match' && window.__tango.view?.code !== code, first);
    const again = await player.page.evaluate(() => ({ scenario: window.__tango.view!.scenarioId, rounds: window.__tango.view!.rounds, speed: window.__tango.view!.speed }));
    expect(again).toEqual({ scenario: 'lost-syn', rounds: 1, speed: 'fast' });
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);

  it('forgets a damaged saved playlist rather than sending it', async () => {
    const watched = await newPage();
    const player = new Player(watched.page, 'keyboard');
    await player.page.goto(suite.game.url);
    await player.page.evaluate(() => localStorage.setItem('tango.preferences',
      JSON.stringify({ nickname: 'Ada', mode: 'solo', scenarios: ['no-such-scenario', 'lost-syn', 'lost-syn', 42] })));
    expect(await playAfterReload(player)).toEqual({ scenario: 'lost-syn', rounds: 1 });
    expect(watched.errors).toEqual([]);
  }, ROUND_MS);
});
