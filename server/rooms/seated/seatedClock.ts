/**
 * The one clock of every seated match. It steps the match when something is due or a card is
 * played, lets bots play their seats, keeps the player list and the time on patches up to date,
 * and sets the room's alarm for the next due time. What is played, and what ends it, is the
 * room's round policy (roundPolicy.ts): a pair room's rounds with a break between them, or a
 * challenge's scenario after scenario until its time is up, as boardgame.io drives turns with
 * policies given as data.
 */
import type { Clock } from '@colyseus/core';
import type { BotConfig } from '../../../shared/bots/bot.ts';
import type { Card, Role } from '../../../shared/match/cards.ts';
import type { MatchInput } from '../../../shared/match/types.ts';
import { CLOCK_SYNC_MS } from '../../../shared/protocol.ts';
import type { Alarm } from './alarm.ts';
import { MatchAhead } from './matchAhead.ts';
import type { RoundPolicy, SeatedEvent } from './roundPolicy.ts';
import type { Seat } from './seats.ts';
import type { SeatTable } from './seatTable.ts';
import { PlayerState } from '../schema/PairRoomState.ts';

const isBot = (seat: Seat): boolean => seat.isBot;
const NO_ROLES: readonly Role[] = [];

/** What of the synchronised state the clock itself keeps: the player list and the time. */
export interface ClockView {
  readonly players: Map<string, PlayerState>;
  serverTime: number;
}

export interface SeatedClockParts<S, T extends Seat> {
  readonly view: ClockView;
  readonly seats: SeatTable<T>;
  readonly policy: RoundPolicy<S, T>;
  readonly bot: BotConfig;
  readonly clock: Clock;
  /** Set for the next due time; the room's ringing it is what moves the match on. */
  readonly alarm: Pick<Alarm, 'set'>;
  readonly onEvents: (events: readonly SeatedEvent[]) => void;
  /** What the policy plays ended (a round, a challenge): its final state. */
  readonly onEnd: (state: S) => void;
}

export class SeatedClock<S, T extends Seat = Seat> {
  private readonly parts: SeatedClockParts<S, T>;
  private readonly ahead = new MatchAhead();
  private state: S | null = null;
  private live = false;
  private lastNow = -Infinity;
  /** When the current pause began on the room clock, and how long earlier pauses lasted. */
  private pausedAt: number | null = null;
  private pausedFor = 0;
  /** The match moved on since the last patch, which must then carry the time. */
  private changed = true;

  constructor(parts: SeatedClockParts<S, T>) {
    this.parts = parts;
  }

  /** What is being played, or was last; null before the first start. */
  get current(): S | null {
    return this.state;
  }

  /** A round (pair) or the challenge is being played. */
  get running(): boolean {
    return this.live;
  }

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  /**
   * The match clock: the room clock less every pause, held monotonic (the engine refuses time
   * that goes backwards). The engine only knows the time it is given, so while the clock stands
   * still every timer, deadline and bot waits with it.
   */
  now(): number {
    const room = this.pausedAt ?? this.parts.clock.currentTime;
    this.lastNow = Math.max(this.lastNow, room - this.pausedFor);
    return this.lastNow;
  }

  pause(): void {
    // The room clock moves only when ticked (alarm.ts), and a pause comes from the class, between
    // ticks: without catching up, the clocks stopped up to a patch interval early, and a player's
    // count-down stepped back up as the pause landed.
    this.parts.clock.tick();
    if (this.pausedAt === null) this.pausedAt = this.parts.clock.currentTime;
    this.parts.alarm.set(null);
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.parts.clock.tick();
    this.pausedFor += this.parts.clock.currentTime - this.pausedAt;
    this.pausedAt = null;
    this.rearm();
  }

  /** Starts playing `state` (a new round, the challenge). */
  begin(state: S): void {
    const before = this.state;
    this.state = state;
    this.live = true;
    this.changed = true;
    this.parts.policy.project(state, before);
    this.showPlayers();
  }

  /** Ends what is running now, as if its time were up (a teacher ended the round early). */
  stop(): void {
    if (!this.state || !this.live) return;
    const now = this.now();
    this.state = this.parts.policy.cutShort(this.state, now);
    this.apply({ kind: 'tick', now });
  }

  /** Time passes: whatever is due happens (a hard deadline included), then bots whose reaction time is up play. */
  tick(): void {
    if (!this.state || !this.live || this.paused) return;
    const before = this.lastNow;
    const now = this.now();
    const match = this.parts.policy.match(this.state);
    // The round's clock starting changes nothing in the state, yet ends the get-ready step: it
    // is a patch of its own, with the time, so a client need not count down to find out.
    if (before < match.clockStartsAt && now >= match.clockStartsAt) this.changed = true;
    const wake = this.ahead.wakeAt(match);
    if ((wake !== null && wake <= now) || now >= this.parts.policy.deadline(this.state)) this.apply({ kind: 'tick', now });
    this.botsPlay(now);
    this.rearm();
  }

  /** A card from a seated player; null when nothing is running. */
  play(p: { role: Role; card: Card; seq?: number; ack?: number }): readonly SeatedEvent[] | null {
    if (!this.state || !this.live || this.paused) return null;
    // A literal, not `...p`: the spread copies `p` and grows the copy for `kind` and `now`, at every card.
    return this.apply({ kind: 'play', now: this.now(), role: p.role, card: p.card, seq: p.seq, ack: p.ack });
  }

  /** The role a seat plays now. */
  roleOf(seat: T): Role {
    return this.parts.policy.roleOf(seat, this.state);
  }

  /**
   * Copies the seats into the synchronised player list, with each seat's role and points now.
   * It runs at every step of every room and usually changes nothing, so it writes field by field
   * (a schema setter ignores an equal value) rather than making an object per seat to copy, and
   * reads the seats by index (SeatTable says why).
   */
  showPlayers(): void {
    const { view, seats, policy } = this.parts;
    const running = this.live ? this.state : null;
    const all = seats.values();
    for (let i = 0; i < all.length; i++) {
      const seat = all[i]!;
      const role = policy.roleOf(seat, this.state);
      const total = policy.total(seat, running);
      const ready = policy.ready(seat);
      const p = view.players.get(seat.id);
      if (!p) {
        view.players.set(seat.id, new PlayerState({ sessionId: seat.id, nickname: seat.nickname, role, connected: seat.connected, isBot: seat.isBot, total, ready }));
        continue;
      }
      p.nickname = seat.nickname;
      p.role = role;
      p.connected = seat.connected;
      p.isBot = seat.isBot;
      p.total = total;
      p.ready = ready;
    }
    // Every seat has its player now, so a player more than the seats is one whose seat is gone
    // (this runs at every step; the common case looks at no key).
    if (view.players.size > seats.size) {
      for (const id of [...view.players.keys()]) if (!seats.has(id)) view.players.delete(id);
    }
    // A seat just handed to a bot may have a card to play.
    this.rearm();
  }

  /** The next patch must carry the time (the clock stopped or started, a round moved on). */
  markChanged(): void {
    this.changed = true;
  }

  /**
   * Before each patch: the time rides on patches that carry a change, plus one now and then for
   * the clients' clocks; stamping every patch would make an idle room send a patch at every
   * tick. It is the match clock, which stands still while a class is paused, as the round's times do.
   */
  stampPatch(): void {
    const now = this.now();
    if (this.changed || now - this.parts.view.serverTime >= CLOCK_SYNC_MS) {
      this.parts.view.serverTime = now;
      this.changed = false;
    }
  }

  /**
   * A page is about to receive the whole state (a join, a return), whose time it takes as now:
   * the time now, caught up with the room clock (which moves only when ticked, alarm.ts), whatever
   * the last patch carried.
   */
  stampNow(): void {
    this.parts.clock.tick();
    this.parts.view.serverTime = this.now();
    this.changed = false;
  }

  /** Sets the alarm for the next due time: a delivery, a timer, a bot's card, a hard deadline, the round's clock starting. */
  private rearm(): void {
    const { seats, bot, alarm, policy } = this.parts;
    if (!this.state || !this.live || this.paused) return alarm.set(null);
    // Most rooms have no bot, and this runs several times a step: no list made for them.
    const botRoles = seats.find(isBot) ? seats.values().filter(isBot).map((s) => policy.roleOf(s, this.state)) : NO_ROLES;
    const match = policy.match(this.state);
    const starts = match.clockStartsAt > this.lastNow ? match.clockStartsAt : Infinity;
    const due = Math.min(this.ahead.dueAt(match, botRoles, bot) ?? Infinity, policy.deadline(this.state), starts);
    // Match time stands still while paused, so it runs behind the room clock by every pause.
    alarm.set(due === Infinity ? null : due + this.pausedFor);
  }

  private botsPlay(now: number): void {
    const { seats, bot, policy } = this.parts;
    const all = seats.values();
    for (let i = 0; i < all.length; i++) {
      const seat = all[i]!;
      if (!seat.isBot || !this.state || !this.live || now > policy.deadline(this.state)) continue;
      const decision = this.ahead.botMove(policy.match(this.state), policy.roleOf(seat, this.state), bot);
      if (decision && decision.at <= now) this.apply({ ...decision.input, now });
    }
  }

  private apply(input: MatchInput): readonly SeatedEvent[] {
    const { policy } = this.parts;
    const before = this.state!;
    const { state, events } = policy.step(before, input);
    this.state = state;
    this.changed = true;
    policy.project(state, before);
    this.showPlayers();
    this.parts.onEvents(events);
    if (policy.ended(before, state, events)) {
      this.live = false;
      this.parts.alarm.set(null);
      this.parts.onEnd(state);
    }
    return events;
  }
}
