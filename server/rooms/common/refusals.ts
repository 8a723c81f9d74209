/**
 * How a pair room says no. A refusal goes back to the sender only and changes nothing: as the
 * rejection of a request, or as an `error` message for a plain one. Floods are refused here,
 * before a message reaches the engine or is broadcast, so one player cannot slow anyone down.
 */
import type { Client, MessageContext } from '@colyseus/core';
import type { z } from 'zod';
import type { ClientMessage, ClientMessages } from '../../../shared/messageMap.ts';
import { SERVER_MSG, type ErrorCode, type ErrorPayload } from '../../../shared/protocol.ts';
import { newBudget, shouldTell, spend, type BudgetRule, type MessageBudget } from './messageBudget.ts';

export type Sender = Pick<Client, 'sessionId' | 'send'>;

export function tell(client: Sender, code: ErrorCode): void {
  client.send(SERVER_MSG.error, { code } satisfies ErrorPayload);
}

/** Refuses a message with `code`; returns undefined so a handler can `return refuse(…)`. */
export function refuse(client: Sender, ctx: MessageContext, code: ErrorCode): undefined {
  if (ctx.id !== undefined) ctx.reject({ code } satisfies ErrorPayload);
  else tell(client, code);
  return undefined;
}

/**
 * A message handler that checks its payload first. One that `schema` refuses is answered with
 * `invalidPayload` like any refusal (a rejected request, or an `error` message), so a client can
 * switch on it: Colyseus's own validation answers a request with a bare Error carrying zod's
 * issues and closes the connection of a plain message. The phantom `~message` ties the handler
 * to its entry in the message map (shared/messageMap.ts), both ways.
 */
export interface CheckedHandler<C, M extends ClientMessage<unknown, unknown>> {
  (client: C, message: unknown, ctx: MessageContext): M['reply'] | undefined | Promise<M['reply'] | undefined>;
  readonly '~message'?: (m: M) => M;
}

export function checked<C extends Sender, S extends z.ZodType, R>(
  schema: S, handler: (client: C, payload: z.output<S>, ctx: MessageContext) => R | undefined | Promise<R | undefined>,
): CheckedHandler<C, ClientMessage<z.input<S>, R>> {
  return (client, message, ctx) => {
    const parsed = schema.safeParse(message);
    return parsed.success ? handler(client, parsed.data, ctx) : refuse(client, ctx, 'invalidPayload');
  };
}

/**
 * A room's `messages`: a checked handler for exactly the messages of map `M`, and `_` for any
 * other name (answered with `unknownMessage`).
 */
export type RoomHandlers<M extends ClientMessages<M>, C> = { readonly [K in keyof M]: CheckedHandler<C, M[K]> } & {
  /** Colyseus calls it `(client, type, payload)`, or `(client, payload, ctx)` for a request of the type `'*'`. */
  readonly _: (client: C, type: unknown, third: unknown) => void;
};

/** Each player's message budget; `allows` answers the refused message itself. */
export class RateLimit {
  private readonly rule: BudgetRule;
  private readonly budgets = new Map<string, MessageBudget>();

  constructor(rule: BudgetRule) {
    this.rule = rule;
  }

  allows(client: Sender, ctx: MessageContext | undefined, now: number): boolean {
    let budget = this.budgets.get(client.sessionId);
    if (!budget) this.budgets.set(client.sessionId, (budget = newBudget(this.rule, now)));
    if (spend(budget, this.rule, now)) return true;
    // A request must be answered or the client waits for its timeout; plain messages are
    // dropped with one "slow down" a second rather than one per message.
    if (ctx?.id !== undefined) ctx.reject({ code: 'rateLimited' } satisfies ErrorPayload);
    else if (shouldTell(budget, now)) tell(client, 'rateLimited');
    return false;
  }
}
