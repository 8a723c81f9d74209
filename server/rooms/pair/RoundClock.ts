/**
 * Runs the rounds of a pair room on the room's clock: creates each round's match, steps the
 * engine when something is due or a card is played, lets bots play their seats, and projects
 * every result into the synchronised state. The room decides who sits where; this decides when.
 */
import type { Clock, Delayed } from '@colyseus/core';
import type { BotConfig } from '../../../shared/bots/bot.ts';
import type { Card, Role } from '../../../shared/match/cards.ts';
import { createMatch, step } from '../../../shared/match/engine.ts';
import type { MatchSettings } from '../../../shared/match/settings.ts';
import type { MatchEvent, MatchInput, MatchState, StepResult } from '../../../shared/match/types.ts';
import { seedFrom } from '../../../shared/random.ts';
import type { Alarm } from '../seated/alarm.ts';
import { MatchAhead } from '../seated/matchAhead.ts';
import { clearRound, projectMatch } from '../projection.ts';
import { scenarioOf, type Playlist } from './playlist.ts';
import { PlayerState, type PairRoomState } from '../schema/PairRoomState.ts';
import { roleIn, type Seat } from '../seated/seats.ts';

export interface RoundClockParts {
  readonly view: PairRoomState;
  readonly settings: MatchSettings;
  readonly playlist: Playlist;
  readonly seats: ReadonlyMap<string, Seat>;
  readonly bot: BotConfig;
  readonly seed: number;
  readonly betweenRoundsMs: number;
  /** Each round's get-ready step before its clock starts. */
  readonly getReadyMs: number;
  readonly clock: Clock;
  /** Set for the round's next due time; the room's ringing it is what moves the round on. */
  readonly alarm: Pick<Alarm, 'set'>;
  readonly onEvents: (events: readonly MatchEvent[]) => void;
  /** A round has ended: its final state, with every seat's score still unbanked. */
  readonly onRoundEnd: (match: MatchState, round: number) => void;
  /** Cuts every round shorter than its scenario's own limit (a class's round length). */
  readonly timeLimitMs?: number;
}

export class RoundClock {
  private readonly parts: RoundClockParts;
  private match: MatchState | null = null;
  private lastNow = -Infinity;
  private betweenTimer: Delayed | undefined;
  /** When the current pause began on the room clock, and how long earlier pauses lasted. */
  private pausedAt: number | null = null;
  private pausedFor = 0;
  private readonly ahead = new MatchAhead();

  constructor(parts: RoundClockParts) {
    this.parts = parts;
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

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  pause(): void {
    if (this.pausedAt === null) this.pausedAt = this.parts.clock.currentTime;
    this.parts.view.paused = true;
    this.parts.alarm.set(null);
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.pausedFor += this.parts.clock.currentTime - this.pausedAt;
    this.pausedAt = null;
    this.parts.view.paused = false;
    this.rearm();
  }

  /** Ends the running round now, as if its time were up (the teacher ended it early). */
  stop(): void {
    if (!this.match || this.parts.view.phase !== 'playing') return;
    const now = this.now();
    // The engine's own end of time: whatever was due by now happens first, then the round ends.
    this.match = { ...this.match, endsAt: Math.min(this.match.endsAt, now) };
    this.apply({ kind: 'tick', now });
  }

  /** Starts the next round, or ends the match after the last one. */
  startNext(): void {
    const { view, playlist, settings, seats } = this.parts;
    if (view.phase === 'playing' || view.phase === 'finished') return;
    this.betweenTimer?.clear();
    const round = view.round + 1;
    for (const seat of seats.values()) seat.ready = seat.isBot;
    const match = createMatch({
      scenarioId: scenarioOf(playlist, round), settings, seed: seedFrom(`${this.parts.seed}:${round}`), now: this.now(),
      getReadyMs: this.parts.getReadyMs,
    });
    const limit = this.parts.timeLimitMs;
    this.match = limit === undefined ? match : { ...match, endsAt: Math.min(match.endsAt, match.clockStartsAt + limit) };
    Object.assign(view, { round, phase: 'playing' });
    clearRound(view);
    projectMatch(view, this.match);
    this.showPlayers(seats);
  }

  /** Time passes: whatever is due happens, then bots whose reaction time is up play. */
  tick(): void {
    if (!this.match || this.parts.view.phase !== 'playing' || this.paused) return;
    const now = this.now();
    const wake = this.ahead.wakeAt(this.match);
    if (wake !== null && wake <= now) this.apply({ kind: 'tick', now });
    this.botsPlay(now);
    this.rearm();
  }

  /** A card from a seated player; null when no round is running. */
  play(p: { role: Role; card: Card; seq?: number; ack?: number }): StepResult | null {
    if (!this.match || this.parts.view.phase !== 'playing' || this.paused) return null;
    return this.apply({ kind: 'play', now: this.now(), ...p });
  }

  /** Copies the seats into the synchronised player list, with each seat's role this round. */
  showPlayers(seats: ReadonlyMap<string, Seat>): void {
    const { view } = this.parts;
    const round = Math.max(1, view.round);
    for (const id of [...view.players.keys()]) if (!seats.has(id)) view.players.delete(id);
    for (const seat of seats.values()) {
      const role = roleIn(seat, round);
      const live = view.phase === 'playing' && this.match ? this.match.scores[role].points : 0;
      const fields = {
        sessionId: seat.id, nickname: seat.nickname, role, connected: seat.connected, isBot: seat.isBot,
        total: seat.banked + live, ready: seat.ready,
      };
      const existing = view.players.get(seat.id);
      if (existing) Object.assign(existing, fields);
      else view.players.set(seat.id, new PlayerState(fields));
    }
    // A seat just handed to a bot may have a card to play.
    this.rearm();
  }

  /** Sets the alarm for the round's next due time: a delivery, a timer, the end, a bot's card. */
  private rearm(): void {
    const { view, seats, bot, alarm } = this.parts;
    if (!this.match || view.phase !== 'playing' || this.paused) return alarm.set(null);
    const botRoles = [...seats.values()].filter((s) => s.isBot).map((s) => roleIn(s, view.round));
    const due = this.ahead.dueAt(this.match, botRoles, bot);
    // Match time stands still while paused, so it runs behind the room clock by every pause.
    alarm.set(due === null ? null : due + this.pausedFor);
  }

  private botsPlay(now: number): void {
    const { seats, bot, view } = this.parts;
    for (const seat of seats.values()) {
      if (!seat.isBot || !this.match || view.phase !== 'playing') continue;
      const decision = this.ahead.botMove(this.match, roleIn(seat, view.round), bot);
      if (decision && decision.at <= now) this.apply({ ...decision.input, now });
    }
  }

  private apply(input: MatchInput): StepResult {
    const result = step(this.match!, input);
    this.match = result.state;
    projectMatch(this.parts.view, result.state);
    this.showPlayers(this.parts.seats);
    this.parts.onEvents(result.events);
    if (result.events.some((e) => e.type === 'roundOver')) this.endRound(result.state);
    return result;
  }

  private endRound(match: MatchState): void {
    const { view, seats, playlist } = this.parts;
    this.parts.onRoundEnd(match, view.round);
    for (const seat of seats.values()) {
      seat.banked += match.scores[roleIn(seat, view.round)].points;
      seat.ready = seat.isBot;
    }
    view.phase = view.round >= playlist.rounds ? 'finished' : 'between';
    this.showPlayers(seats);
    if (view.phase === 'between') {
      // Someone reading the explanation should not hold the other player forever.
      this.betweenTimer = this.parts.clock.setTimeout(() => this.startNext(), this.parts.betweenRoundsMs);
    }
  }
}
