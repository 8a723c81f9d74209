import { CARDS, type Role } from '../match/cards.ts';
import { expectationFor } from '../match/expect.ts';
import { expectedSegment } from '../match/play.ts';
import type { MatchState, PlayInput } from '../match/types.ts';
import { nextFloat, nextInt, seedFrom } from '../random.ts';

/** How a bot plays: how long it takes to react and how often it plays a wrong card. */
export interface BotConfig {
  readonly reactionMs: number;
  readonly errorRate: number;
}

/** A bot that never errs and answers in a human-like second. */
export const STEADY_BOT: BotConfig = { reactionMs: 1000, errorRate: 0 };

/**
 * What a bot playing `role` does next and when, or null while it should wait. Deterministic:
 * its dice are seeded from the round's seed and how far the round has come.
 */
export function botDecision(state: MatchState, role: Role, config: BotConfig): { at: number; input: PlayInput } | null {
  const exp = expectationFor(state, role);
  const ep = state.endpoints[role];
  if (!exp || ep.expectedSince === null) return null;
  const lastOwn = state.moves.findLast((m) => m.role === role);
  const at = Math.max(state.now, ep.expectedSince + config.reactionMs, (lastOwn?.at ?? -Infinity) + config.reactionMs);
  const dice = seedFrom(`${state.seed}:${role}:${state.moves.length}:${state.wire.length}`);
  const [roll, dice2] = nextFloat(dice);
  let card = exp.cards[0] ?? 'ACK';
  if (roll < config.errorRate) {
    const wrong = CARDS.filter((c) => !exp.cards.includes(c));
    card = wrong[nextInt(dice2, 0, wrong.length - 1)[0]] ?? card;
  }
  const seg = expectedSegment(ep, card);
  return { at, input: { kind: 'play', now: at, role, card, seq: seg.seq, ack: seg.ack } };
}
