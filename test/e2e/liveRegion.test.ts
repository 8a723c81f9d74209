import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/translate.ts';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';

describe('the ARIA live region beside the canvas', () => {
  const suite = liveSuite();

  it('tells a screen-reader user, who plays by keyboard, what arrived and how each move was judged', async () => {
    const watched = await suite.newPage({ width: 1280, height: 800 });
    const player = new Player(watched.page, 'keyboard');
    await player.page.goto(`${suite.game.url}/?scenarios=handshake&rounds=1`);
    await player.waitForScene('Start');
    await player.page.keyboard.type('Reader');
    await player.click('mode.solo');
    await player.click('play');
    await player.waitForScene('Match');
    // Everything the region is given, as a screen reader would hear it (it keeps only the last few).
    await player.page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      const region = document.getElementById('live-region')!;
      new MutationObserver((changes) => {
        for (const c of changes) for (const n of c.addedNodes) heard.push(n.textContent ?? '');
      }).observe(region, { childList: true });
    });
    const region = await player.page.evaluate(() => {
      const el = document.getElementById('live-region')!;
      const box = el.getBoundingClientRect();
      return { live: el.getAttribute('aria-live'), role: el.getAttribute('role'), label: el.getAttribute('aria-label'), width: box.width };
    });
    expect(region).toEqual({ live: 'polite', role: 'log', label: 'What happens in the match', width: 1 });

    await player.playRound();
    await player.waitForScene('RoundResult');
    const heard = await player.page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    const role = (await player.state()).role;
    // The client hears the SYN+ACK arrive, the server the SYN; each hears its right moves.
    const arrival = translate('en', role === 'client' ? 'why.synAckArrives' : 'why.synArrives');
    expect(heard.some((h) => h.includes(arrival)), heard.join('\n')).toBe(true);
    expect(heard).toContain(role === 'client' ? 'Right: SYN sent.' : 'Right: SYN+ACK sent.');
    expect(watched.errors).toEqual([]);
  }, 120_000);
});
