import { describe, expect, it } from 'vitest';
import type { WatchedPage } from './browser.ts';
import { liveSuite } from './liveSuite.ts';
import { Player } from './player.ts';

/**
 * The cards played right, in order, each side's card counted the first time only: a browser
 * slow under load (a screenshot, a busy machine) lets a retransmission timer fire, and then
 * sending the segment again, or ACKing the repeat, is right too.
 */
function rightCards(moves: readonly { verdict: string; role: string; card: string }[]): string[] {
  const seen = new Set<string>();
  return moves.filter((m) => m.verdict === 'correct' && !seen.has(`${m.role} ${m.card}`) && seen.add(`${m.role} ${m.card}`))
    .map((m) => m.card);
}

describe('a private room in two browsers', () => {
  const suite = liveSuite();
  const pages: WatchedPage[] = [];

  it('plays a handshake and a four-way close to the end, one player by mouse and one by keyboard', { timeout: 120_000 }, async () => {
    const hostPage = await suite.newPage({ width: 1280, height: 800 });
    const guestPage = await suite.newPage({ width: 390, height: 800 });
    pages.push(hostPage, guestPage);
    const host = new Player(hostPage.page, 'mouse');
    const guest = new Player(guestPage.page, 'keyboard');

    // The host creates the room by mouse; the playlist comes from the address.
    await host.page.goto(`${suite.game.url}/?scenarios=handshake,client-close&rounds=2`);
    await host.waitForScene('Start');
    await host.click('mode.private');
    await host.click('speed.fast');
    await host.page.click('#nickname');
    await host.page.keyboard.type('Mouse');
    await host.click('play');
    await host.waitForScene('Waiting');
    const link = await host.page.inputValue('#invite-link');
    expect(link).toMatch(/\/join\/[A-Z2-9]{5}$/);
    // A partner beside the host can scan the same link: the server's QR code of it has been drawn.
    await host.page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#invite-qr');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    expect(await host.page.getAttribute('#invite-qr', 'alt')).toBe(link);
    await host.screenshot('waiting-desktop');

    // The guest follows the invite link and only uses the keyboard.
    await guest.page.goto(link.replace(/^https?:\/\/[^/]+/, suite.game.url));
    await guest.waitForScene('Start');
    // On a phone the code's keyboard types capitals, corrects nothing, and its Enter says Go.
    const phoneKeys = (id: string) => guest.page.$eval(id, (f) => [f.getAttribute('autocapitalize'), f.getAttribute('autocorrect'), f.getAttribute('enterkeyhint')]);
    expect(await phoneKeys('#room-code')).toEqual(['characters', 'off', 'go']);
    expect(await phoneKeys('#nickname')).toEqual([null, 'off', 'go']);
    await guest.page.keyboard.type('Keys');
    await guest.page.keyboard.press('Enter');

    await Promise.all([host.waitForScene('Match'), guest.waitForScene('Match')]);
    const roles = await Promise.all([host.state(), guest.state()]).then((s) => s.map((x) => x.role).sort());
    expect(roles).toEqual(['client', 'server']);

    // Round 1: the handshake.
    await Promise.all([
      host.playRound(async () => host.screenshot('match-desktop')),
      guest.playRound(async () => guest.screenshot('match-phone')),
    ]);
    await Promise.all([host.waitForScene('RoundResult'), guest.waitForScene('RoundResult')]);
    const handshake = await host.moves();
    expect(rightCards(handshake)).toEqual(['SYN', 'SYN+ACK', 'ACK']);
    await host.screenshot('result-desktop');
    await host.click('next');
    await guest.page.keyboard.press('Enter');

    // Round 2: the four-way close, roles swapped.
    await Promise.all([host.waitForScene('Match'), guest.waitForScene('Match')]);
    await Promise.all([host.playRound(), guest.playRound()]);
    await Promise.all([host.waitForScene('RoundResult'), guest.waitForScene('RoundResult')]);
    const close = await guest.moves();
    expect(rightCards(close)).toEqual(['FIN', 'ACK', 'FIN', 'ACK']);
    const view = await guest.page.evaluate(() => ({ phase: window.__tango.view!.phase, states: [...window.__tango.view!.endpoints.values()].map((e) => e.state) }));
    expect(view).toEqual({ phase: 'finished', states: ['CLOSED', 'CLOSED'] });
    await guest.screenshot('result-phone');

    for (const { errors } of pages) expect(errors).toEqual([]);
  });
});
