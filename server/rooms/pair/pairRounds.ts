/**
 * The rounds of a pair room: each round one match of the playlist, then a break in which both
 * seats say they are ready (or the break runs out), until the last round. The seated clock
 * (seated/seatedClock.ts) runs each round; this is the pair's round policy and what happens
 * between rounds. The room decides who sits where; this decides when.
 */
import type { Clock, Delayed } from '@colyseus/core';
import type { BotConfig } from '../../../shared/bots/bot.ts';
import { createMatch, step } from '../../../shared/match/engine.ts';
import type { MatchSettings } from '../../../shared/match/settings.ts';
import type { MatchState } from '../../../shared/match/types.ts';
import { seedFrom } from '../../../shared/random.ts';
import type { Alarm } from '../seated/alarm.ts';
import type { RoundPolicy, SeatedEvent } from '../seated/roundPolicy.ts';
import { SeatedClock } from '../seated/seatedClock.ts';
import { roleIn, type Seat } from '../seated/seats.ts';
import type { SeatTable } from '../seated/seatTable.ts';
import { clearRound, projectMatch } from '../projection.ts';
import type { PairRoomState } from '../schema/PairRoomState.ts';
import { scenarioOf, type Playlist } from './playlist.ts';

export interface PairRoundsParts {
  readonly view: PairRoomState;
  readonly settings: MatchSettings;
  readonly playlist: Playlist;
  readonly seats: SeatTable;
  readonly bot: BotConfig;
  readonly seed: number;
  readonly betweenRoundsMs: number;
  /** Each round's get-ready step before its clock starts. */
  readonly getReadyMs: number;
  readonly clock: Clock;
  /** Set for the round's next due time; the room's ringing it is what moves the round on. */
  readonly alarm: Pick<Alarm, 'set'>;
  readonly onEvents: (events: readonly SeatedEvent[]) => void;
  /** A round has ended: its final state, with every seat's score still unbanked. */
  readonly onRoundEnd: (match: MatchState, round: number) => void;
  /** Cuts every round shorter than its scenario's own limit (a class's round length). */
  readonly timeLimitMs?: number;
  /** Deadlines go in `ownDeadlineAt`, each player's own only (a class's pair; ownDeadlines.ts). */
  readonly deadlinesPerPlayer: boolean;
}

/** One round of the pair's match as a policy: the engine's own end, roles swapping every round. */
function pairPolicy(view: PairRoomState, deadlinesPerPlayer: boolean): RoundPolicy<MatchState> {
  return {
    match: (match) => match,
    step: (match, input) => step(match, input),
    ended: (_before, _after, events) => events.some((e) => e.type === 'roundOver'),
    deadline: () => Infinity,
    cutShort: (match, now) => ({ ...match, endsAt: Math.min(match.endsAt, now) }),
    roleOf: (seat) => roleIn(seat, Math.max(1, view.round)),
    total: (seat, running) => seat.banked + (running ? running.scores[roleIn(seat, Math.max(1, view.round))].points : 0),
    ready: (seat) => seat.ready,
    // startNext clears the lane and ladder before a round begins.
    project: (match) => projectMatch(view, match, deadlinesPerPlayer),
  };
}

export class PairRounds {
  private readonly parts: PairRoundsParts;
  private readonly clock: SeatedClock<MatchState>;
  private betweenTimer: Delayed | undefined;

  constructor(parts: PairRoundsParts) {
    this.parts = parts;
    this.clock = new SeatedClock({
      view: parts.view, seats: parts.seats, policy: pairPolicy(parts.view, parts.deadlinesPerPlayer), bot: parts.bot, clock: parts.clock, alarm: parts.alarm,
      onEvents: parts.onEvents, onEnd: (match) => this.endRound(match),
    });
  }

  /** The match clock (seatedClock.ts): the room clock less every pause. */
  now(): number {
    return this.clock.now();
  }

  get paused(): boolean {
    return this.clock.paused;
  }

  /** The round being played, or the last one; null before the first. */
  get match(): MatchState | null {
    return this.clock.current;
  }

  pause(): void {
    this.clock.pause();
    this.parts.view.paused = true;
  }

  resume(): void {
    if (!this.clock.paused) return;
    this.clock.resume();
    this.parts.view.paused = false;
  }

  /** Ends the running round now, as if its time were up (the teacher ended it early). */
  stop(): void {
    this.clock.stop();
  }

  /** Starts the next round, or ends the match after the last one. */
  startNext(): void {
    const { view, playlist, settings, seats } = this.parts;
    if (view.phase === 'playing' || view.phase === 'finished') return;
    this.betweenTimer?.clear();
    const round = view.round + 1;
    seats.unready();
    const match = createMatch({
      scenarioId: scenarioOf(playlist, round), settings, seed: seedFrom(`${this.parts.seed}:${round}`), now: this.clock.now(),
      getReadyMs: this.parts.getReadyMs,
    });
    const limit = this.parts.timeLimitMs;
    Object.assign(view, { round, phase: 'playing' });
    // A new round always starts from an empty lane and ladder.
    clearRound(view);
    this.clock.begin(limit === undefined ? match : { ...match, endsAt: Math.min(match.endsAt, match.clockStartsAt + limit) });
  }

  /** Time passes: whatever is due happens, then bots whose reaction time is up play. */
  tick(): void {
    this.clock.tick();
  }

  /** A card from a seated player; null when no round is running. */
  play(p: Parameters<SeatedClock<MatchState>['play']>[0]): readonly SeatedEvent[] | null {
    return this.clock.play(p);
  }

  /** The role a seat plays this round. */
  roleOf(seat: Seat): ReturnType<typeof roleIn> {
    return this.clock.roleOf(seat);
  }

  /** Copies the seats into the synchronised player list, with each seat's role this round. */
  showPlayers(): void {
    this.clock.showPlayers();
  }

  markChanged(): void {
    this.clock.markChanged();
  }

  stampPatch(): void {
    this.clock.stampPatch();
  }

  stampNow(): void {
    this.clock.stampNow();
  }

  private endRound(match: MatchState): void {
    const { view, seats, playlist } = this.parts;
    this.parts.onRoundEnd(match, view.round);
    seats.bank((seat) => match.scores[roleIn(seat, view.round)].points);
    seats.unready();
    view.phase = view.round >= playlist.rounds ? 'finished' : 'between';
    this.clock.showPlayers();
    if (view.phase === 'between') {
      // Someone reading the explanation should not hold the other player forever.
      this.betweenTimer = this.parts.clock.setTimeout(() => this.startNext(), this.parts.betweenRoundsMs);
    }
  }
}
