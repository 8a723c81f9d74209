import { describe, expect, it } from 'vitest';
import {
  collapseLines, explainMistakeKind, explainMove, mistakeLine, mistakesByOwner, type JudgedMove,
} from '../../shared/i18n/moveText.ts';
import { en } from '../../shared/i18n/en.ts';
import { LOCALES, type MessageKey } from '../../shared/i18n/messages.ts';
import { TCP_STATES } from '../../shared/tcp/states.ts';

const tooSlow: JudgedMove = { role: 'server', card: '', verdict: 'missedDeadline', why: 'mistake.tooSlow', params: {}, expected: ['RST'], state: 'CLOSED' };
const finTooEarly: JudgedMove = { role: 'client', card: 'FIN', verdict: 'wrongCard', why: 'wrong.finBeforeEstablished', params: {}, expected: [], state: 'SYN-SENT' };
const badAck: JudgedMove = {
  role: 'server', card: 'SYN+ACK', verdict: 'wrongNumbers', why: 'mistake.ackAfterSyn',
  params: { expected: 5474, from: 5473, len: 1, given: 5473 }, expected: ['SYN+ACK'], state: 'SYN-RECEIVED',
};

describe('the formatter of judged moves', () => {
  it('puts what the state means before why the card does not fit it', () => {
    expect(explainMove(finTooEarly, 'en')).toBe('You are in SYN-SENT: you sent a SYN and are waiting for its acknowledgement, a SYN+ACK. '
      + 'A FIN closes a connection; it is not possible before the connection is established.');
    // Chinese sentences follow one another without a space.
    expect(explainMove(finTooEarly, 'zh-Hant')).toBe('你處於 SYN-SENT：你已送出 SYN，正在等待它的確認，也就是 SYN+ACK。FIN 用來關閉連線；在連線建立之前不可能送出 FIN。');
  });

  it('fills in the arithmetic of a wrong number in three languages', () => {
    expect(explainMove(badAck, 'en')).toBe('Wrong acknowledgment number: ack = 5473 + 1 = 5474, because a SYN takes one sequence number.');
    expect(explainMove(badAck, 'zh-Hant')).toBe('確認號錯誤：ack = 5473 + 1 = 5474，因為 SYN 佔用一個序號。');
    expect(explainMove(badAck, 'zh-Hans')).toBe('确认号错误：ack = 5473 + 1 = 5474，因为 SYN 占用一个序号。');
  });

  it('collapses identical lines into one with a count, keeping the order of first appearance', () => {
    const lines = [tooSlow, finTooEarly, tooSlow, tooSlow].map((m) => mistakeLine(m, 'en', m.state));
    expect(collapseLines(lines, 'en')).toEqual([
      '✗ CLOSED · ◷ Too slow — The deadline for this move passed before a card was played. ×3',
      `✗ SYN-SENT · FIN — ${explainMove(finTooEarly, 'en')}`,
    ]);
    expect(collapseLines([mistakeLine(tooSlow, 'zh-Hans'), mistakeLine(tooSlow, 'zh-Hans')], 'zh-Hans')).toEqual(['✗ ◷ 太慢了 — 这一步的时限在出牌之前就过了。 ×2']);
  });

  it('separates the viewer\'s own mistakes from the partner\'s, and leaves out right moves', () => {
    const right: JudgedMove = { ...finTooEarly, verdict: 'correct', why: 'why.activeClose' };
    expect(mistakesByOwner([tooSlow, finTooEarly, right, badAck], 'client')).toEqual({ own: [finTooEarly], partner: [tooSlow, badAck] });
    expect(mistakesByOwner([tooSlow, finTooEarly], null)).toEqual({ own: [], partner: [tooSlow, finTooEarly] });
    // A card that crossed an arrival was not sent and cost nothing: it is nobody's mistake.
    const crossed: JudgedMove = { ...finTooEarly, verdict: 'stale', why: 'stale.DATA' };
    expect(mistakesByOwner([crossed, finTooEarly], 'client')).toEqual({ own: [finTooEarly], partner: [] });
  });

  it('fills `{expected}` with the right cards, joined with " / ", when the text has no number for it', () => {
    const retransmit: JudgedMove = { ...finTooEarly, verdict: 'wrongCard', why: 'wrong.mustRetransmit', expected: ['FIN', 'FIN+ACK'], state: 'FIN-WAIT-1', card: 'ACK' };
    expect(explainMove(retransmit, 'en')).toContain('your FIN / FIN+ACK was not acknowledged');
  });

  it('shows a text key this build does not know as it is', () => {
    expect(explainMove({ ...badAck, why: 'mistake.fromTheFuture' }, 'en')).toBe('mistake.fromTheFuture');
  });

  it('renders every explanation key and every state in every language without a placeholder left', () => {
    const keys = Object.keys(en).filter((k) => /^(wrong|mistake|refuse)\./.test(k)) as MessageKey[];
    for (const locale of LOCALES) {
      for (const state of TCP_STATES) {
        for (const why of keys) {
          const text = explainMove({ ...finTooEarly, why, state, params: { expected: 7, from: 6, len: 1 } }, locale);
          expect(text, `${locale} ${state} ${why}`).not.toMatch(/[{}]|undefined/);
        }
      }
    }
  });

  it('names a kind of mistake for reports with "…" where one move\'s numbers would go', () => {
    expect(explainMistakeKind('mistake.ackAfterSyn', 'en')).toBe('Wrong acknowledgment number: ack = … + 1 = …, because a SYN takes one sequence number.');
    expect(explainMistakeKind('wrong.finUnacked', 'en')).not.toMatch(/[{}]/);
  });
});
