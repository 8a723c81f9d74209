/**
 * Runs a timed challenge on the room's clock: steps the pure challenge reducer when something
 * is due or a card is played, lets the bot play its seat, and projects the result into the
 * synchronised state. The room decides who sits where; this decides when, as RoundClock does
 * for a pair room.
 */
import type { Clock } from '@colyseus/core';
import type { BotConfig } from '../../shared/bots/bot.ts';
import { seatRoleIn } from '../../shared/challenge/plan.ts';
import { challengeStep, startChallenge, type ChallengeEvent, type ChallengeSeats, type ChallengeState } from '../../shared/challenge/run.ts';
import { tallyChallenge } from '../../shared/challenge/tally.ts';
import type { Card, Role } from '../../shared/match/cards.ts';
import type { Difficulty, Speed, Timing } from '../../shared/match/settings.ts';
import type { MatchInput } from '../../shared/match/types.ts';
import type { Alarm } from './alarm.ts';
import { MatchAhead } from './matchAhead.ts';
import { clearRound, projectMatch } from './projection.ts';
import { PlayerState } from './schema/PairRoomState.ts';
import type { ChallengeRoomState } from './schema/ChallengeRoomState.ts';
import type { Seat } from './seats.ts';

/** A seat of a challenge: the person's own id is what the leaderboard knows them by (null for the room's bot). */
export interface ChallengeSeat extends Seat {
  readonly playerId: string | null;
}

export interface ChallengeClockParts {
  readonly view: ChallengeRoomState;
  readonly seats: ReadonlyMap<string, ChallengeSeat>;
  readonly bot: BotConfig;
  readonly clock: Clock;
  /** Set for the challenge's next due time; the room's ringing it is what moves the challenge on. */
  readonly alarm: Pick<Alarm, 'set'>;
  readonly onEvents: (events: readonly ChallengeEvent[]) => void;
  /** The time is up: the final state, with every point counted. */
  readonly onFinish: (challenge: ChallengeState) => void;
}

export interface ChallengeStart {
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly speed: Speed;
  readonly seats: ChallengeSeats;
  readonly durationMs: number;
  /** The get-ready step before the first round; the challenge's clock starts after it. */
  readonly getReadyMs: number;
  readonly timing?: Partial<Timing>;
}

export class ChallengeClock {
  private readonly parts: ChallengeClockParts;
  private challenge: ChallengeState | null = null;
  private readonly ahead = new MatchAhead();
  private lastNow = -Infinity;

  constructor(parts: ChallengeClockParts) {
    this.parts = parts;
  }

  /** The room clock, held monotonic: the engine refuses time that goes backwards. */
  now(): number {
    this.lastNow = Math.max(this.lastNow, this.parts.clock.currentTime);
    return this.lastNow;
  }

  get running(): boolean {
    return this.challenge !== null && !this.challenge.finished;
  }

  start(p: ChallengeStart): void {
    if (this.challenge) return;
    this.challenge = startChallenge({ ...p, now: this.now() });
    Object.assign(this.parts.view, { phase: 'playing', startedAt: this.challenge.startedAt, endsAt: this.challenge.endsAt });
    this.project();
  }

  /**
   * The role a seat plays this round. The plan names the role of the first seat (the person, in
   * solo); the second seat plays the other end.
   */
  roleOf(seat: Seat): Role {
    const c = this.challenge;
    return c ? seatRoleIn(c.seed, c.index, seat.firstRole) : seat.firstRole;
  }

  /** Time passes: whatever is due happens (the end of the time included), then the bot plays. */
  tick(): void {
    const c = this.challenge;
    if (!c || c.finished) return;
    const now = this.now();
    const wake = this.ahead.wakeAt(c.round);
    if ((wake !== null && wake <= now) || now >= c.endsAt) this.apply({ kind: 'tick', now });
    this.botsPlay(now);
    this.rearm();
  }

  /** A card from a seated person; null when no challenge is running. */
  play(p: { role: Role; card: Card; seq?: number; ack?: number }): readonly ChallengeEvent[] | null {
    if (!this.running) return null;
    return this.apply({ kind: 'play', now: this.now(), ...p });
  }

  /** Copies the seats into the synchronised player list, with each seat's role this round. */
  showPlayers(): void {
    const { view, seats } = this.parts;
    for (const id of [...view.players.keys()]) if (!seats.has(id)) view.players.delete(id);
    for (const seat of seats.values()) {
      // The points belong to the people; the room's bot earns nothing.
      const fields = {
        sessionId: seat.id, nickname: seat.nickname, role: this.roleOf(seat), connected: seat.connected, isBot: seat.isBot,
        total: seat.playerId ? view.points : 0, ready: true,
      };
      const existing = view.players.get(seat.id);
      if (existing) Object.assign(existing, fields);
      else view.players.set(seat.id, new PlayerState(fields));
    }
    // A seat just handed to a bot may have a card to play.
    this.rearm();
  }

  /** Sets the alarm for the next due time: a delivery, a timer, a bot's card, the end of the time. */
  private rearm(): void {
    const c = this.challenge;
    if (!c || c.finished) return this.parts.alarm.set(null);
    const botRoles = [...this.parts.seats.values()].filter((s) => s.isBot).map((s) => this.roleOf(s));
    const due = this.ahead.dueAt(c.round, botRoles, this.parts.bot);
    this.parts.alarm.set(Math.min(due ?? Infinity, c.endsAt));
  }

  private botsPlay(now: number): void {
    for (const seat of this.parts.seats.values()) {
      const c = this.challenge;
      if (!seat.isBot || !c || c.finished) continue;
      const decision = this.ahead.botMove(c.round, this.roleOf(seat), this.parts.bot);
      if (decision && decision.at <= now && now <= c.endsAt) this.apply({ ...decision.input, now });
    }
  }

  private apply(input: MatchInput): readonly ChallengeEvent[] {
    const before = this.challenge!;
    const { state, events } = challengeStep(before, input);
    this.challenge = state;
    this.project(before.index);
    this.parts.onEvents(events);
    if (state.finished && !before.finished) this.parts.onFinish(state);
    return events;
  }

  /** Brings the view up to date; a new round starts from an empty lane and ladder. */
  private project(shownIndex?: number): void {
    const c = this.challenge!;
    const { view } = this.parts;
    if (shownIndex !== c.index) clearRound(view);
    projectMatch(view, c.round);
    const tally = tallyChallenge(c.moves);
    Object.assign(view, {
      round: c.index + 1, lossRate: c.round.settings.lossRate, points: c.points, roundsWon: c.roundsWon,
      correct: tally.correct, judged: tally.judged, streak: tally.streak, bestStreak: tally.bestStreak,
      finished: c.finished, phase: c.finished ? 'finished' : 'playing',
    });
    if (view.humanRoles.join() !== c.humanRoles.join()) {
      view.humanRoles.clear();
      view.humanRoles.push(...c.humanRoles);
    }
    this.showPlayers();
  }
}
