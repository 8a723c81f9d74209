import { describe, expect, it } from 'vitest';
import { botDecision, type BotConfig } from '../../shared/bots/bot.ts';
import { createMatch, nextWakeAt, step } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import type { MatchState } from '../../shared/match/types.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import { MatchAhead } from '../../server/rooms/seated/matchAhead.ts';

const BOT: BotConfig = { reactionMs: 200, errorRate: 0.2 };

describe('what a match has coming, worked out once per match', () => {
  it('is what the engine and the bot say, match after match, for every scenario', () => {
    for (const scenarioId of SCENARIO_IDS) {
      const ahead = new MatchAhead();
      let match: MatchState = createMatch({ scenarioId, settings: makeSettings({ difficulty: 'numbers', lossRate: 0.2 }), seed: 5, now: 0 });
      let now = 0;
      for (let i = 0; i < 200 && match.status === 'playing'; i++) {
        // Asked twice of one match: the second answer is the first, not a second computation's.
        expect(ahead.wakeAt(match), scenarioId).toBe(nextWakeAt(match));
        for (const role of ['client', 'server'] as const) {
          expect(ahead.botMove(match, role, BOT), scenarioId).toEqual(botDecision(match, role, BOT));
          expect(ahead.botMove(match, role, BOT)).toBe(ahead.botMove(match, role, BOT));
        }
        const move = ahead.botMove(match, 'client', BOT) ?? ahead.botMove(match, 'server', BOT);
        const next = Math.min(move?.at ?? Infinity, ahead.wakeAt(match) ?? Infinity);
        now = Number.isFinite(next) ? Math.max(now + 1, next) : now + 50;
        match = step(match, move && move.at <= now ? { ...move.input, now } : { kind: 'tick', now }).state;
      }
    }
  });
});
