import { describe, expect, it } from 'vitest';
import { en, type UiKey } from '../../client/i18n/en.ts';
import { roundMistakesText, type RoundWords } from '../../client/scenes/roundResultTexts.ts';
import type { MoveView, PlayerView } from '../../shared/protocol.ts';

const words: RoundWords = {
  t: (key: UiKey, params = {}) => en[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
  locale: 'en',
};

const player = (sessionId: string, role: PlayerView['role'], nickname: string, isBot = false): [string, PlayerView] =>
  [sessionId, { sessionId, role, nickname, isBot, connected: true, total: 0, ready: false }];

const move = (m: Partial<MoveView>): MoveView => ({
  at: 0, role: 'client', card: 'FIN', verdict: 'wrongCard', why: 'wrong.finBeforeEstablished', points: -40, expected: ['SYN'],
  skill: 'open', state: 'CLOSED', segmentId: -1, params: {}, hinted: false, ...m,
});

describe('the round result\'s list of mistakes', () => {
  const players = new Map([player('me', 'client', 'Ada'), player('bot', 'server', 'Tango', true)]);
  const tooSlow = move({ role: 'server', card: '', verdict: 'missedDeadline', why: 'mistake.tooSlow', expected: ['RST'], state: 'CLOSED' });

  it('lists the player\'s own mistakes first and the bot\'s under a heading that says whose they are, repeated ones once with a count', () => {
    const moves = [tooSlow, move({}), tooSlow, move({ verdict: 'correct', card: 'SYN', why: 'why.activeOpen' }), tooSlow];
    expect(roundMistakesText({ players, moves }, 'me', words).split('\n')).toEqual([
      'What went wrong',
      '✗ CLOSED · FIN — You are CLOSED: there is no connection here. A FIN closes a connection; it is not possible before the connection is established.',
      'Not yours: Tango (bot), your partner, went wrong here as Server:',
      '✗ CLOSED · ◷ Too slow — The deadline for this move passed before a card was played. ×3',
    ]);
  });

  it('says the player made no mistake even when the partner did', () => {
    expect(roundMistakesText({ players, moves: [tooSlow] }, 'me', words).split('\n').slice(0, 2)).toEqual(['What went wrong', '✓ No mistakes. Well played!']);
  });

  it('has no partner heading when the partner made no mistake', () => {
    expect(roundMistakesText({ players, moves: [move({})] }, 'me', words)).not.toContain('Not yours');
  });
});
