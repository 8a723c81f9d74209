import { describe, expect, it } from 'vitest';
import { playOut } from '../../shared/bots/playOut.ts';
import type { BotConfig } from '../../shared/bots/bot.ts';
import { CARDS, ROLES, type Card } from '../../shared/match/cards.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import { expectationFor } from '../../shared/match/expect.ts';
import { panelKey } from '../../shared/match/panelText.ts';
import { makeSettings, showsHints, type Difficulty } from '../../shared/match/settings.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { LOCALES, type Locale, type MessageKey } from '../../shared/i18n/messages.ts';
import { isMessageKey, translate } from '../../shared/i18n/translate.ts';
import { SCENARIO_LIST } from '../../shared/scenarios/catalogue.ts';
import { DEFAULT_PLAYLIST } from '../../shared/scenarios/scenario.ts';
import { isReceiveEvent, type TcpEvent } from '../../shared/tcp/events.ts';
import { TRANSITIONS } from '../../shared/tcp/table.ts';

/*
 * Until the ★ hint shows (after a hesitation or a mistake), the explanation panel shows what last
 * happened to the player: mostly the arrival they must now react to. If that text names the move
 * ("answer with SYN+ACK"), the hint is given away at once and play becomes "read, tap the card".
 *
 * The check below looks for the ways a text can tell the player to play a card, in each language:
 *  - a sending verb with the card named later in the same clause ("answer with SYN+ACK",
 *    "send the third segment, an ACK", "is answered with RST"; 回覆 SYN+ACK, 用 RST 回應, 发送…ACK);
 *  - "ACK it" / "acknowledge it" and their Chinese forms (確認它, 用 ACK 確認, 确认它);
 *  - a clause that opens with an imperative sending verb ("…: send it again", "：重新送出").
 * A text may still say what the endpoint owes in the protocol's words ("the peer waits for its FIN
 * to be acknowledged"): that is the lesson, and choosing the card from it is the player's work.
 * Reports of one's own sends are not instructions: "SYN sent", and in Chinese, which has no tense,
 * a clause marked done with 已 (已送出 SYN).
 */
const CARD_WORDS: Readonly<Record<Locale, Readonly<Record<Card, string>>>> = {
  en: { SYN: 'SYN', 'SYN+ACK': 'SYN\\+ACK', ACK: 'ACK', FIN: 'FIN', 'FIN+ACK': 'FIN\\+ACK', RST: 'RST', DATA: 'DATA|data' },
  'zh-Hant': { SYN: 'SYN', 'SYN+ACK': 'SYN\\+ACK', ACK: 'ACK', FIN: 'FIN', 'FIN+ACK': 'FIN\\+ACK', RST: 'RST', DATA: 'DATA|資料' },
  'zh-Hans': { SYN: 'SYN', 'SYN+ACK': 'SYN\\+ACK', ACK: 'ACK', FIN: 'FIN', 'FIN+ACK': 'FIN\\+ACK', RST: 'RST', DATA: 'DATA|数据' },
};

function instructionPatterns(locale: Locale, cards: readonly Card[]): RegExp[] {
  const card = `(?:${cards.map((c) => CARD_WORDS[locale][c]).join('|')})`;
  if (locale === 'en') {
    return [
      new RegExp(`\\b(?:answer|reply|respond|send|resend|retransmit)(?:s|ed|ing)?\\b[^.:;]*\\b${card}\\b`, 'i'),
      /\b(?:ack|acknowledge|refuse|reset) (?:it|them)\b/i,
      // Not "ACK" here: a clause may well open with the segment's name ("ACK received: …").
      /(?:^|[:;.]\s*)(?:answer|reply|respond|send|resend|retransmit|acknowledge)\b/i,
    ];
  }
  const verbs = locale === 'zh-Hant' ? '回覆|回應|送出|重送|重傳|用' : '回复|回应|发送|重发|重传|用';
  const ackIt = locale === 'zh-Hant' ? '確認它|確認一次' : '确认它|确认一次';
  const opening = locale === 'zh-Hant' ? '重新送出|回覆|送出|重送|重傳' : '重新发送|回复|发送|重发|重传';
  return [
    new RegExp(`(?<!已[^。：；，]*)(?:${verbs})[^。：；，]*?(?:${card})`),
    new RegExp(ackIt),
    new RegExp(`[：；]\\s*(?:再|先)?(?:${opening})`),
  ];
}

/** The phrase by which `text` tells the player to play one of `cards`, or null. */
function instruction(text: string, locale: Locale, cards: readonly Card[]): string | null {
  for (const pattern of instructionPatterns(locale, cards)) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return null;
}

const quick: BotConfig = { reactionMs: 300, errorRate: 0 };
const slow: BotConfig = { reactionMs: 2000, errorRate: 0 };

interface Shown {
  readonly where: string;
  readonly key: string;
  readonly cards: readonly Card[];
}

/** Every text the panel shows while a move is expected of an endpoint and its hint does not show yet. */
function shownWhileExpected(start: MatchState, bots: Parameters<typeof playOut>[1], label: string): Shown[] {
  const { inputs } = playOut(start, bots);
  const shown: Shown[] = [];
  let state = start;
  for (const input of [null, ...inputs]) {
    if (input) state = step(state, input).state;
    for (const role of ROLES) {
      const exp = expectationFor(state, role);
      const ep = state.endpoints[role];
      if (!exp || ep.expectedSince === null) continue;
      const hint = showsHints(state.settings.difficulty) ? { hintKey: exp.hint, hintAt: ep.hintAt ?? -1 } : { hintKey: '', hintAt: -1 };
      // The moment the move became expected: what the player reads before deciding.
      const panel = panelKey({ ...hint, moves: state.moves, segments: state.wire, moveDue: ep.expectedSince !== null }, role, ep.expectedSince);
      if (panel.kind === 'happened') shown.push({ where: `${label}, ${role} in ${ep.tcb.state}`, key: panel.key, cards: exp.cards });
    }
  }
  return shown;
}

describe('the explanation panel teaches what arrived without naming the move', () => {
  const cases: { label: string; start: () => MatchState; bots: Parameters<typeof playOut>[1] }[] = [];
  for (const scenario of SCENARIO_LIST) {
    for (const [speeds, bots] of [
      ['quick client, slow server', { client: quick, server: slow }],
      ['slow client, quick server', { client: slow, server: quick }],
      ['both quick', { client: quick, server: quick }],
    ] as const) {
      for (const difficulty of ['flags', 'numbers'] as Difficulty[]) {
        cases.push({
          label: `${scenario.id} (${speeds}, ${difficulty})`,
          start: () => createMatch({ scenarioId: scenario.id, settings: makeSettings({ difficulty }), seed: 7, now: 0 }),
          bots,
        });
      }
    }
  }
  // Random loss in Expert: timers fire, FINs and SYNs come again.
  for (let seed = 1; seed <= 8; seed++) {
    cases.push({
      label: `whole-life with loss (seed ${seed}, expert)`,
      start: () => createMatch({ scenarioId: 'whole-life', settings: makeSettings({ difficulty: 'expert', lossRate: 0.2 }), seed, now: 0 }),
      bots: { client: quick, server: quick },
    });
  }

  const shown = cases.flatMap((c) => shownWhileExpected(c.start(), c.bots, c.label));

  it('finds arrivals to check in every scenario', () => {
    expect(shown.length).toBeGreaterThan(SCENARIO_LIST.length);
    expect(new Set(shown.map((s) => s.key)).size).toBeGreaterThan(10);
  });

  it('never tells a player whose move is expected that there is nothing to send', () => {
    // The first move of a round (the client's SYN) has nothing before it to describe: it once said "wait for the peer".
    expect(shown.filter((s) => s.key === 'hint.wait').map((s) => s.where)).toEqual([]);
    expect(shown.some((s) => s.key === 'hint.yourMove')).toBe(true);
  });

  for (const locale of LOCALES) {
    it(`never names the expected card as something to do, before the hint (${locale})`, () => {
      const offending = shown.flatMap((s) => {
        const text = isMessageKey(s.key) ? translate(locale, s.key) : s.key;
        const phrase = instruction(text, locale, s.cards);
        return phrase ? [`${s.where}: ${s.key} "${text}" says "${phrase}" (expected ${s.cards.join('/')})`] : [];
      });
      expect([...new Set(offending)]).toEqual([]);
    });
  }

  // Arrivals no scenario reaches (a bad ACK while listening, one acknowledging too far) must not
  // name their answer either: each arrival text is checked against the reply the table says is
  // owed (any card when none is, since the next move of the script may be expected right after).
  const arrivals = new Map<MessageKey, readonly Card[]>();
  for (const row of Object.values(TRANSITIONS)) {
    for (const [event, outcome] of Object.entries(row)) {
      if (!outcome.ok || (!isReceiveEvent(event as TcpEvent) && event !== 'timeout2msl')) continue;
      for (const o of outcome.ifActiveOpen ? [outcome, outcome.ifActiveOpen] : [outcome]) {
        arrivals.set(o.why, o.reply ? [o.reply] : CARDS);
      }
    }
  }
  for (const locale of LOCALES) {
    it(`no arrival text in the TCP table names the answer it calls for (${locale})`, () => {
      const offending = [...arrivals].flatMap(([key, cards]) => {
        const phrase = instruction(translate(locale, key), locale, cards);
        return phrase ? [`${key}: "${translate(locale, key)}" says "${phrase}"`] : [];
      });
      expect(offending).toEqual([]);
    });
  }

  it('lets the hint name the move: the same check finds it in the hint texts', () => {
    const hint = translate('en', 'hint.answerSyn');
    expect(instruction(hint, 'en', ['SYN+ACK'])).not.toBeNull();
  });
});

describe('the goal line of the basic scenarios', () => {
  // Shown in the header and the get-ready step from the start: a goal that lists the cards in
  // the order they are played is the answer, at the easiest level too.
  for (const locale of LOCALES) {
    it(`says what to reach, naming at most one card (${locale})`, () => {
      const listing = DEFAULT_PLAYLIST.flatMap((id) => {
        const goal = translate(locale, `scenario.${id}.goal` as MessageKey);
        // Longest names first, so SYN+ACK is not also counted as SYN and ACK.
        const named = [...CARDS].sort((a, b) => b.length - a.length)
          .reduce<{ rest: string; count: number }>(({ rest, count }, card) => {
            const parts = rest.split(card);
            return { rest: parts.join(' '), count: count + parts.length - 1 };
          }, { rest: goal, count: 0 }).count;
        return named > 1 ? [`${id}: "${goal}"`] : [];
      });
      expect(listing).toEqual([]);
    });
  }
});
