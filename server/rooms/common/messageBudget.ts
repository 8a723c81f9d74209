/**
 * How many messages a player may still send: a token bucket, so a burst of clicks is fine but
 * a flood is refused cheaply, before it reaches the engine or is broadcast to anyone.
 */
export interface MessageBudget {
  tokens: number;
  updatedAt: number;
  /** When the player was last told they are limited; one notice a second is enough. */
  toldAt: number;
}

export interface BudgetRule {
  readonly perSecond: number;
  readonly burst: number;
}

export function newBudget(rule: BudgetRule, now: number): MessageBudget {
  return { tokens: rule.burst, updatedAt: now, toldAt: -Infinity };
}

/** Spends one message if there is one to spend; false means the message must be refused. */
export function spend(budget: MessageBudget, rule: BudgetRule, now: number): boolean {
  const refill = ((now - budget.updatedAt) / 1000) * rule.perSecond;
  budget.tokens = Math.min(rule.burst, budget.tokens + Math.max(0, refill));
  budget.updatedAt = now;
  if (budget.tokens < 1) return false;
  budget.tokens -= 1;
  return true;
}

/** Whether to send the "slow down" error now, at most once a second. */
export function shouldTell(budget: MessageBudget, now: number): boolean {
  if (now - budget.toldAt < 1000) return false;
  budget.toldAt = now;
  return true;
}
