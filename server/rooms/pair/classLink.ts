/**
 * A pair room's side of a class: who may sit where, the teacher's pause, resume, end and kick
 * arriving through presence, and every judged move and the round's result (once stored) going
 * back the same way. A move counts for a student only if they, not a bot, held the seat when it
 * was judged: a student who never came or who left earns nothing from the bot that played for
 * their partner.
 */
import { ErrorCode as ColyseusError, ServerError, type Client, type Clock, type Delayed, type Presence } from '@colyseus/core';
import { BOT_SEAT } from '../../../shared/classroom/pairing.ts';
import { scoreOfMoves } from '../../../shared/classroom/standings.ts';
import type { Role } from '../../../shared/match/cards.ts';
import type { MatchSettings } from '../../../shared/match/settings.ts';
import { withAllowance, type TimeAllowance } from '../../../shared/match/timeAllowance.ts';
import type { MatchState, MoveRecord } from '../../../shared/match/types.ts';
import type { ClassSettings, NoticeCode } from '../../../shared/protocol.ts';
import type { ScenarioId } from '../../../shared/scenarios/scenario.ts';
import type { RoundResult } from '../../storage/roundResults.ts';
import type { Stores } from '../../storage/stores.ts';
import type { WriteQueue } from '../common/writeQueue.ts';
import { listenToClass, reportToClass, type ClassCommand, type PairNews } from './classChannels.ts';
import type { PairRounds } from './pairRounds.ts';
import { roleIn, type Seat } from '../seated/seats.ts';
import { TileReport } from './tileReport.ts';
import type { SeatTable } from '../seated/seatTable.ts';

/** The longest a pair's result waits for its writes before the class is told anyway. */
const RESULT_WAIT_MS = 3000;

/** What the class room gives a pair room it creates (server-side only; clients cannot send it). */
export interface ClassPairSpec {
  readonly classCode: string;
  readonly round: number;
  readonly scenarioId: ScenarioId;
  readonly settings: ClassSettings;
  readonly seed: number;
  readonly seatWaitMs: number;
  /** The get-ready step before the round's clock starts (the class's, longer than a pair room's). */
  readonly getReadyMs: number;
  /** The class was paused while this pair was being made. */
  readonly paused: boolean;
  /** Both seats; a studentId of BOT_SEAT is a bot. */
  readonly seats: readonly { readonly studentId: string; readonly nickname: string; readonly role: Role; readonly allowance?: TimeAllowance }[];
}

/** The class's settings for this pair, each seat's time allowance included. */
export function pairSettings(spec: ClassPairSpec, base: MatchSettings): MatchSettings {
  return spec.seats.reduce((s, seat) => (seat.allowance && seat.allowance !== 'normal' ? withAllowance(s, seat.role, seat.allowance) : s), base);
}

/** What the link needs of its pair room. */
export interface PairHost {
  readonly code: string;
  readonly presence: Presence;
  readonly clock: Clock;
  readonly stores: Stores;
  readonly writes: WriteQueue;
  readonly seats: SeatTable;
  readonly rounds: PairRounds;
  readonly phase: () => string;
  /** The match clock was stopped or started: the next patch must carry the time. */
  clockChanged(): void;
  showPlayers(): void;
  handOverToBot(seat: Seat): void;
  notifyAll(code: NoticeCode): void;
  /** Closes a player's connection for good (a kicked student). */
  remove(sessionId: string): void;
  close(): void;
}

/** The seats of a class pair, before anyone arrives: students wait for their owner, a bot sits at once. */
export function classSeats(spec: ClassPairSpec): Seat[] {
  return spec.seats.map((s, i) => {
    const bot = s.studentId === BOT_SEAT;
    return {
      id: bot ? `bot-${i + 1}` : s.studentId, nickname: bot ? '' : s.nickname, isBot: bot, connected: bot, firstRole: s.role,
      banked: 0, ready: bot, ...(bot ? {} : { studentId: s.studentId }),
    };
  });
}

export class ClassLink {
  readonly spec: ClassPairSpec;
  private readonly host: PairHost;
  private readonly moves = new Map<string, MoveRecord[]>();
  /** Kicked students whose reservation may still be valid: it no longer is. */
  private readonly kicked = new Set<string>();
  private seatTimer: Delayed | undefined;
  private readonly tiles: TileReport;

  constructor(spec: ClassPairSpec, host: PairHost) {
    this.spec = spec;
    this.host = host;
    this.tiles = new TileReport({
      clock: host.clock, match: () => host.rounds.match, now: () => host.rounds.now(),
      send: (tile) => this.report({ kind: 'tile', tile }),
    });
  }

  /** Starts listening to the class; students then have `seatWaitMs` to take their seats. */
  async open(): Promise<void> {
    await listenToClass(this.host.presence, this.spec.classCode, this.host.code, (c) => this.obey(c));
    if (this.spec.paused) this.host.rounds.pause();
    this.tiles.start();
    this.seatTimer = this.host.clock.setTimeout(() => this.seatsTimedOut(), this.spec.seatWaitMs);
  }

  /** A student takes their seat (first time, after a reload, or back from a bot). */
  arrive(client: Client, studentId: string | undefined): void {
    const seat = this.host.seats.find((s) => s.studentId !== undefined && s.studentId === studentId);
    if (!seat || !studentId) throw new ServerError(ColyseusError.AUTH_FAILED, 'notSeated');
    if (this.kicked.has(studentId)) throw new ServerError(ColyseusError.AUTH_FAILED, 'kicked');
    this.host.seats.move(seat.id, { id: client.sessionId, connected: true, isBot: false, ready: false });
    this.host.showPlayers();
    this.report({ kind: 'seated', studentId });
    const everyone = !this.host.seats.find((s) => !s.isBot && !s.connected);
    if (this.host.phase() === 'waiting' && everyone) this.start();
  }

  /** A student left for good before the round began: the seat is theirs to take again, or the bot's. */
  vacate(seat: Seat): void {
    if (!seat.studentId) return;
    this.host.seats.move(seat.id, { id: seat.studentId, connected: false, isBot: seat.isBot, ready: seat.ready });
    this.host.showPlayers();
  }

  botTookOver(seat: Seat): void {
    if (seat.studentId) this.report({ kind: 'botPlays', studentId: seat.studentId });
  }

  /** A judged move counts for the student holding the seat, if a student holds it. */
  judged(move: MoveRecord): void {
    const seat = this.host.seats.find((s) => roleIn(s, 1) === move.role);
    if (!seat?.studentId || seat.isBot) return;
    const mine = this.moves.get(seat.studentId) ?? [];
    mine.push(move);
    this.moves.set(seat.studentId, mine);
    const { points, verdict, skill, why } = move;
    this.report({ kind: 'move', studentId: seat.studentId, points, verdict, skill, why });
  }

  /** Stores each student's result of the round and tells the class. */
  record(match: MatchState): void {
    const status = match.status === 'playing' ? 'timeUp' : match.status;
    const results: RoundResult[] = [];
    for (const seat of this.host.seats.values()) {
      if (!seat.studentId) continue;
      const moves = this.moves.get(seat.studentId) ?? [];
      const t = scoreOfMoves(moves);
      results.push({
        mode: 'class', roomCode: this.spec.classCode, roundNo: this.spec.round, scenarioId: match.scenarioId, status,
        playerId: seat.studentId, nickname: seat.nickname, role: roleIn(seat, 1), isBot: seat.isBot, points: t.points,
        correct: t.correct, mistakes: t.mistakes, missed: t.missed, hinted: t.hinted, bestStreak: t.bestStreak, moves, finishedAt: Date.now(),
      });
    }
    const stores = this.host.stores;
    this.host.writes.add(`class results of round ${this.spec.round}`, () => stores.results.save(results));
    this.tiles.finish(match);
    const totals = results.map(({ playerId, points, correct, mistakes, missed }) => ({ studentId: playerId, points, correct, mistakes, missed }));
    // The class reviews the round once every pair has reported, and a teacher may open the report
    // at once: so this pair reports once its round and results are stored (or the database is slow
    // past RESULT_WAIT_MS: then the report catches up a moment later).
    void this.host.writes.settledWithin(RESULT_WAIT_MS).then(() => this.report({ kind: 'result', totals }));
  }

  private start(clock = true): void {
    this.seatTimer?.clear();
    this.host.rounds.startNext();
    const match = this.host.rounds.match;
    const now = this.host.rounds.now();
    // The projector's count-down follows the pairs that play: a pair nobody came to does not count.
    if (clock && match) this.report({ kind: 'clock', readyMs: match.clockStartsAt - now, roundMs: match.endsAt - now });
  }

  /** Whoever has not come plays as a bot; if nobody came, the round ends at once with no score. */
  private seatsTimedOut(): void {
    if (this.host.phase() !== 'waiting') return;
    // A seat still under its student's id was never taken; one that was taken and dropped is
    // held for a reconnection as in any pair room.
    const waiting = [...this.host.seats.values()].filter((s) => !s.isBot && s.id === s.studentId);
    const nobody = waiting.length === [...this.host.seats.values()].filter((s) => s.studentId).length;
    for (const seat of waiting) this.host.handOverToBot(seat);
    this.start(!nobody);
    if (nobody) this.host.rounds.stop();
  }

  private obey(command: ClassCommand): void {
    switch (command.kind) {
      case 'pause':
      case 'resume':
      case 'end':
        if (command.round !== this.spec.round || this.host.phase() === 'finished') return;
        if (command.kind === 'end') {
          this.host.notifyAll('roundEndedEarly');
          if (this.host.phase() === 'waiting') this.start(false);
          this.host.rounds.resume();
          this.host.rounds.stop();
        } else if (command.kind === 'pause') {
          this.host.rounds.pause();
          this.host.notifyAll('roundPaused');
        } else {
          this.host.rounds.resume();
          this.host.notifyAll('roundResumed');
        }
        this.host.clockChanged();
        return;
      case 'kick': {
        this.kicked.add(command.studentId);
        const seat = this.host.seats.find((s) => s.studentId === command.studentId);
        if (seat) this.host.remove(seat.id);
        return;
      }
      case 'dismiss':
        if (command.round >= this.spec.round) this.host.close();
    }
  }

  private report(news: PairNews): void {
    reportToClass(this.host.presence, this.spec.classCode, { ...news, round: this.spec.round, pairCode: this.host.code });
  }
}
