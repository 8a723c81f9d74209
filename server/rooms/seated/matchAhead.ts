/**
 * What a match has coming without anyone playing: its next due time, and each bot's next card.
 * The engine never changes a match in place, so both are worked out once per match rather than
 * each time the room asks (to play its bots and to set its alarm, several times a step): asking
 * the engine built a list of everything pending, and when rooms ticked 20 times a second that
 * was most of what a busy server allocated.
 */
import { botDecision, type BotConfig } from '../../../shared/bots/bot.ts';
import type { Role } from '../../../shared/match/cards.ts';
import { nextWakeAt } from '../../../shared/match/engine.ts';
import type { MatchState } from '../../../shared/match/types.ts';

type BotMove = ReturnType<typeof botDecision>;

export class MatchAhead {
  private of: MatchState | null = null;
  private wake: number | null = null;
  /** Filled in as bots ask (most rooms have none); null is an answer too: the bot waits. */
  private bots: { [R in Role]?: BotMove } = {};

  /** When something is next due in `match` (a delivery, a timer, the end of time); null for nothing. */
  wakeAt(match: MatchState): number | null {
    this.follow(match);
    return this.wake;
  }

  /** The card a bot playing `role` plays next in `match`, and when; null while it waits. */
  botMove(match: MatchState, role: Role, bot: BotConfig): BotMove {
    this.follow(match);
    if (this.bots[role] === undefined) this.bots[role] = botDecision(match, role, bot);
    return this.bots[role];
  }

  /** The earliest of `wakeAt` and the next card of a bot playing any of `botRoles`; null for nothing. */
  dueAt(match: MatchState, botRoles: readonly Role[], bot: BotConfig): number | null {
    let due = this.wakeAt(match);
    // Indexed: this runs several times a step, mostly over no bots at all (SeatTable says why).
    for (let i = 0; i < botRoles.length; i++) {
      const move = this.botMove(match, botRoles[i]!, bot);
      if (move && (due === null || move.at < due)) due = move.at;
    }
    return due;
  }

  private follow(match: MatchState): void {
    if (this.of === match) return;
    this.of = match;
    this.wake = nextWakeAt(match);
    this.bots = {};
  }
}
