import { ROLES, type Role } from '../match/cards.ts';
import { nextWakeAt, step } from '../match/engine.ts';
import type { MatchEvent, MatchInput, MatchState } from '../match/types.ts';
import { botDecision, type BotConfig } from './bot.ts';

/**
 * Plays a round to its end with bots in the given seats, jumping from one due time to the next.
 * Whatever is due happens before a bot's card at the same moment, as it would in a room.
 */
export function playOut(
  start: MatchState,
  bots: Partial<Record<Role, BotConfig>>,
  maxSteps = 10_000,
): { state: MatchState; events: MatchEvent[]; inputs: MatchInput[] } {
  let state = start;
  const events: MatchEvent[] = [];
  const inputs: MatchInput[] = [];
  for (let i = 0; i < maxSteps && state.status === 'playing'; i++) {
    let input: MatchInput | null = null;
    for (const role of ROLES) {
      const config = bots[role];
      const decision = config ? botDecision(state, role, config) : null;
      if (decision && (!input || decision.at < input.now)) input = decision.input;
    }
    const wake = nextWakeAt(state);
    if (wake !== null && (!input || wake <= input.now)) input = { kind: 'tick', now: wake };
    if (!input) break;
    inputs.push(input);
    const r = step(state, input);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events, inputs };
}
