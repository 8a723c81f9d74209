/**
 * Drives one browser page as a player would: by keyboard or by mouse. It reads the game's test
 * hook (window.__tango) to know what is on screen and waits for it rather than sleeping.
 */
import type { Page } from 'playwright-core';
import { CARDS, type Card } from '../../shared/match/cards.ts';
import type { Speed } from '../../shared/match/settings.ts';
import type { MoveView } from '../../shared/protocol.ts';
import type { TangoState } from '../../client/testHook.ts';

export type Hands = 'keyboard' | 'mouse';

const WAIT = { timeout: 60_000, polling: 50 } as const;

export class Player {
  readonly page: Page;
  readonly hands: Hands;

  constructor(page: Page, hands: Hands) {
    this.page = page;
    this.hands = hands;
  }

  state(): Promise<TangoState> {
    return this.page.evaluate(() => window.__tango.state);
  }

  /** Every text the page's current screen shows, one per line. */
  shownText(): Promise<string> {
    return this.page.evaluate(() => {
      const scene = window.__tango.game!.scene.getScenes(true)[0]!;
      return scene.children.list.map((o) => ('text' in o ? String((o as { text: unknown }).text) : '')).join('\n');
    });
  }

  /** Waits for `scene`; a timeout says which scene the page was on instead, and its address. */
  async waitForScene(scene: string): Promise<void> {
    await this.page.waitForFunction((s) => window.__tango?.state?.scene === s, scene, WAIT).catch(async (e: unknown) => {
      const on = await this.page.evaluate(() => window.__tango?.state?.scene).catch(() => 'a closed page');
      throw new Error(`waited for the ${scene} scene, but the page is on ${on} at ${this.page.url()}: ${String(e)}`);
    });
  }

  /**
   * Clicks a named object of the current screen at its centre, as a mouse would. A screen lays
   * itself out again when what it shows changes (a mode picked shows more rows), so the click
   * waits until the object has stood still for two frames: a loaded machine may otherwise click
   * where it stood a moment ago.
   */
  async click(target: string): Promise<void> {
    for (;;) {
      const at = await this.page.waitForFunction((t) => window.__tango.targets[t], target, WAIT);
      const before = (await at.jsonValue()) as { x: number; y: number };
      const after = await this.page.evaluate((t) => new Promise<{ x: number; y: number } | undefined>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.__tango.targets[t])));
      }), target);
      if (after && after.x === before.x && after.y === before.y) {
        await this.page.mouse.click(after.x, after.y);
        return;
      }
    }
  }

  /** From the Start screen: types the nickname, picks a solo match at `speed` and plays it, up to the match screen. */
  async startSolo(nickname: string, speed: Speed): Promise<void> {
    // Whatever the field remembers from an earlier visit, it then holds this name only.
    await this.page.fill('#nickname', nickname);
    await this.click('mode.solo');
    await this.click(`speed.${speed}`);
    await this.click('play');
    await this.waitForScene('Match');
  }

  async playCard(card: Card): Promise<void> {
    if (this.hands === 'keyboard') await this.page.keyboard.press(String(CARDS.indexOf(card) + 1));
    else await this.click(`card.${card}`);
  }

  /**
   * The cards the server suggests now, or null when the round is no longer on screen. Waits for
   * the round's clock to start (the get-ready step refuses cards), as the server last told it.
   */
  async nextHint(): Promise<{ cards: Card[]; moves: number } | null> {
    const handle = await this.page.waitForFunction(() => {
      const t = window.__tango;
      if (t.state.scene !== 'Match' || !t.view) return { over: true };
      if (t.view.serverTime < t.view.roundClockStartsAt) return false;
      const me = t.view.players.get(t.state.sessionId);
      const cards = (me && t.view.endpoints.get(me.role)?.hintCards) ?? [];
      return cards.length > 0 ? { over: false, cards: [...cards], moves: t.view.moves.length } : false;
    }, null, WAIT);
    const hint = (await handle.jsonValue()) as { over: boolean; cards?: Card[]; moves?: number };
    return hint.over ? null : { cards: hint.cards ?? [], moves: hint.moves ?? 0 };
  }

  /** Plays a card and waits until its verdict is on screen and in the room's move list. */
  async playAndWait(card: Card, movesBefore: number): Promise<string> {
    const verdicts = (await this.state()).verdicts.length;
    await this.playCard(card);
    await this.page.waitForFunction(([n, m]) => {
      const t = window.__tango;
      return t.state.scene !== 'Match' || (t.state.verdicts.length > n && (t.view?.moves.length ?? 0) > m);
    }, [verdicts, movesBefore] as const, WAIT);
    return (await this.state()).verdicts[verdicts] ?? '';
  }

  /**
   * Plays the card the hint names now. A segment landing between reading the hint and the card's
   * arrival makes it `stale` (not sent, no penalty; the game's answer to that race): then the
   * hint that came with the segment is played, up to three times.
   */
  async playNextHint(): Promise<string> {
    let verdict = 'stale';
    for (let tries = 0; verdict === 'stale' && tries < 3; tries++) {
      const hint = await this.nextHint();
      if (!hint) return '';
      verdict = await this.playAndWait(hint.cards[0]!, hint.moves);
    }
    return verdict;
  }

  /** Plays the server's suggestion each time one comes, until the round ends. */
  async playRound(onFirstPlay?: () => Promise<void>): Promise<void> {
    for (let played = 0; ; played++) {
      const hint = await this.nextHint();
      if (!hint) return;
      await this.playAndWait(hint.cards[0]!, hint.moves);
      if (played === 0) await onFirstPlay?.();
    }
  }

  /** The round's moves, as the client's view holds them. */
  async moves(): Promise<MoveView[]> {
    return this.page.evaluate(() => [...(window.__tango.view?.moves ?? [])]);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/${name}.png` });
  }
}
