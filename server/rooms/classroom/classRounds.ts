/**
 * The rounds of a class, one after another: starts each (ClassRound opens the pair rooms),
 * passes the teacher's pause, resume and end to its pairs, follows their reports into the
 * leaderboard and the roster, and closes the round with the class's common mistakes once every
 * pair has reported, or once its time (and a grace) is over, paused time not counted.
 */
import type { Clock, Presence } from '@colyseus/core';
import { NO_HISTORY, type PairingHistory } from '../../../shared/classroom/pairing.ts';
import type { PairTileSummary } from '../../../shared/classroom/pairTile.ts';
import type { TimeAllowance } from '../../../shared/match/timeAllowance.ts';
import type { ClassSettings, ErrorCode, SeatPayload, SeatReservation } from '../../../shared/protocol.ts';
import { stepTally } from '../../../shared/classroom/stepTally.ts';
import { commonMistakes, skillBreakdown } from '../../../shared/reports/skills.ts';
import { SCENARIOS } from '../../../shared/scenarios/catalogue.ts';
import type { ClassroomConfig } from '../../config.ts';
import type { ClassWrites } from './classWrites.ts';
import { commandPairs, type ClassCommand, type PairReport } from '../pair/classChannels.ts';
import type { Leaderboard } from './classLeaderboard.ts';
import { ClassClock } from './classClock.ts';
import { ClassRound } from './classRound.ts';
import { Countdown } from './countdown.ts';
import { makePlaylist, nextScenarioOf, scenarioOf } from '../pair/playlist.ts';
import { MistakeState, PairTileState, SkillState, StepTallyState, type ClassroomState } from '../schema/ClassroomState.ts';

export interface ClassRoundsParts {
  readonly view: ClassroomState;
  readonly presence: Presence;
  readonly clock: Clock;
  readonly config: ClassroomConfig;
  readonly classes: ClassWrites;
  readonly leaderboard: Leaderboard;
  readonly seed: number;
  /** Hands a student their seat (the class room knows their connection). */
  readonly seat: (studentId: string, seat: SeatPayload) => void;
  /** A round was closed and the class is in review. */
  readonly closed: () => void;
  /**
   * Rounds interrupted by a restart so far: each is played again under the next number, so
   * the playlist and the class's count of rounds skip them.
   */
  readonly interrupted?: number;
  /** A pair's tile was added to the state, or taken out: only the teacher's screens see tiles. */
  readonly tileAdded: (tile: PairTileState) => void;
  readonly tileRemoved: (tile: PairTileState) => void;
}

export class ClassRounds {
  private readonly parts: ClassRoundsParts;
  private readonly limit: Countdown;
  private readonly classClock: ClassClock;
  private round: ClassRound | null = null;
  private history: PairingHistory = NO_HISTORY;
  private starting = false;
  /** This round's tiles by pair room. */
  private readonly tiles = new Map<string, PairTileState>();
  /** What pairs reported of themselves since the tiles were last shown (showTileNews). */
  private readonly tileNews = new Map<string, PairTileSummary>();

  constructor(parts: ClassRoundsParts) {
    this.parts = parts;
    this.limit = new Countdown(parts.clock);
    // Wall-clock ms: the class's screens line their clocks up with `serverTime` on it.
    this.classClock = new ClassClock(parts.view, () => Date.now());
  }

  /** Pairs the connected students and starts the next round for them. */
  async start(settings: ClassSettings, students: readonly { id: string; nickname: string; allowance?: TimeAllowance }[]): Promise<ErrorCode | undefined> {
    const { view, config } = this.parts;
    if (this.starting || view.phase === 'playing') return 'roundRunning';
    const number = view.round + 1;
    const place = number - (this.parts.interrupted ?? 0);
    if (place > settings.rounds) return 'noRoundsLeft';
    if (students.length === 0) return 'noStudents';
    this.starting = true;
    try {
      const scenarioId = scenarioOf(makePlaylist(settings), place);
      // Last round's pair rooms close: everyone moves on to a new partner.
      if (this.round) this.command({ kind: 'dismiss', round: this.round.number });
      const { round, reservations } = await ClassRound.open({
        classCode: view.code, round: number, scenarioId, settings, seed: this.parts.seed, seatWaitMs: config.seatWaitMs, getReadyMs: config.getReadyMs,
        paused: false, students, history: this.history,
      });
      this.round = round;
      this.parts.classes.startRound(view.code, number, scenarioId, Date.now());
      Object.assign(view, {
        phase: 'playing', paused: false, round: number, scenarioId, pairsPlaying: round.pairsPlaying,
        nextScenarioId: nextScenarioOf(makePlaylist(settings), number),
      });
      view.mistakes.clear();
      view.skills.clear();
      view.steps.clear();
      this.classClock.reset();
      this.showTiles(round);
      for (const [id, student] of view.students) {
        const seat = round.seatOf(id);
        Object.assign(student, { pairCode: seat?.pairCode ?? '', role: seat?.role ?? '', partner: seat?.partner ?? '', seated: false, botPlays: false });
        const reservation = reservations.get(id);
        if (seat && reservation) this.parts.seat(id, { round: number, ...seat, reservation });
      }
      const roundMs = settings.roundSeconds > 0 ? settings.roundSeconds * 1000 : SCENARIOS[scenarioId].timeLimitMs;
      this.limit.start(roundMs + config.seatWaitMs + config.getReadyMs + config.resultGraceMs, () => this.close());
      return undefined;
    } finally {
      this.starting = false;
    }
  }

  /** A page is about to receive the whole state: the class clock's time on it is now's. */
  stampForNewcomer(): void {
    this.classClock.stampForNewcomer();
  }

  pause(on: boolean): ErrorCode | undefined {
    const { view } = this.parts;
    if (view.phase !== 'playing') return 'roundNotRunning';
    if (view.paused === on) return undefined;
    view.paused = on;
    this.command({ kind: on ? 'pause' : 'resume', round: view.round });
    if (on) {
      this.limit.pause();
      this.classClock.pause();
    } else {
      this.limit.resume();
      this.classClock.resume();
    }
    return undefined;
  }

  /** Each pair ends its round and reports; the round closes when the last report is in. */
  endEarly(): ErrorCode | undefined {
    if (this.parts.view.phase !== 'playing') return 'roundNotRunning';
    this.command({ kind: 'end', round: this.parts.view.round });
    return undefined;
  }

  /** A kicked student leaves their pair too; a bot plays on for the partner. */
  kick(studentId: string): void {
    const seat = this.round?.seatOf(studentId);
    if (seat) commandPairs(this.parts.presence, this.parts.view.code, [seat.pairCode], { kind: 'kick', studentId });
  }

  /** The class is going away: so do its pair rooms. */
  dismiss(): void {
    if (this.round) this.command({ kind: 'dismiss', round: this.round.number });
  }

  /** A new seat in this round's pair room for a student who came back mid-round, if they have one. */
  async reseat(studentId: string, nickname: string): Promise<SeatPayload | undefined> {
    const round = this.round;
    const seat = round?.seatOf(studentId);
    if (!round || !seat || this.parts.view.phase !== 'playing') return undefined;
    const reservation = await round.reserveAgain(studentId, nickname);
    return reservation && this.round === round ? { round: round.number, ...seat, reservation } : undefined;
  }

  report(r: PairReport): void {
    const { view, leaderboard } = this.parts;
    const round = this.round;
    // Late news from an earlier round, or from a pair that is not this round's, changes nothing.
    if (!round || r.round !== round.number || !round.has(r.pairCode) || view.phase !== 'playing') return;
    const student = 'studentId' in r ? view.students.get(r.studentId) : undefined;
    switch (r.kind) {
      case 'seated':
        if (student) Object.assign(student, { seated: true, botPlays: false });
        return;
      case 'botPlays':
        if (student) Object.assign(student, { seated: false, botPlays: true });
        return;
      case 'move':
        leaderboard.move(r.studentId, r);
        round.moves.push(r);
        return;
      case 'clock':
        this.classClock.pairStarted(r.readyMs, r.roundMs);
        return;
      case 'tile':
        if (this.tiles.has(r.pairCode)) this.tileNews.set(r.pairCode, r.tile);
        return;
      case 'result':
        for (const t of r.totals) leaderboard.result(t);
        if (round.finished(r.pairCode)) this.close();
        else view.pairsPlaying = round.pairsPlaying;
    }
  }

  /** Every pair has reported (or the round's time ran out): the class reviews the round. */
  private close(): void {
    const { view } = this.parts;
    const round = this.round;
    if (!round || view.phase !== 'playing') return;
    this.limit.stop();
    this.parts.leaderboard.closeRound();
    this.history = round.history();
    this.parts.classes.endRound(view.code, round.number, Date.now());
    view.mistakes.clear();
    view.mistakes.push(...commonMistakes(round.moves, 5).map((m) => new MistakeState(m)));
    view.skills.clear();
    view.skills.push(...skillBreakdown(round.moves).map((s) => new SkillState(s)));
    view.steps.clear();
    view.steps.push(...stepTally(round.moves).map((s) => new StepTallyState(s)));
    Object.assign(view, { phase: 'review', paused: false, pairsPlaying: 0 });
    this.classClock.reset();
    this.parts.closed();
  }

  /** A seat for a teacher's screen to watch one pair of the running round (or of the round just reviewed). */
  async watch(pairCode: string): Promise<SeatReservation | ErrorCode> {
    const round = this.round;
    if (!round) return 'roundNotRunning';
    return (await round.watch(pairCode)) ?? 'roomNotFound';
  }

  /**
   * Puts what pairs reported since the last call on their tiles; whether any tile changed. The
   * room calls it at most once a second: a change to a tile is for teacher screens only, but
   * Colyseus sends every client without a view an (empty) patch for each patch that has one, so
   * with tiles changing as they come, 200 students would each get every one of the class's patches.
   */
  showTileNews(): boolean {
    if (this.tileNews.size === 0) return false;
    for (const [pairCode, summary] of this.tileNews) {
      const tile = this.tiles.get(pairCode);
      if (tile) Object.assign(tile, summary);
    }
    this.tileNews.clear();
    return true;
  }

  /** One tile per pair of the new round, in pairing order, until its pair reports. */
  private showTiles(round: ClassRound): void {
    const { view } = this.parts;
    // Last round's tiles leave the screens' view too, or it would keep every round's.
    for (const old of this.tiles.values()) this.parts.tileRemoved(old);
    this.tiles.clear();
    this.tileNews.clear();
    view.tiles.clear();
    for (const names of round.pairNames()) {
      const tile = new PairTileState(names);
      this.tiles.set(names.pairCode, tile);
      view.tiles.push(tile);
      this.parts.tileAdded(tile);
    }
  }

  private command(command: ClassCommand): void {
    if (this.round) commandPairs(this.parts.presence, this.parts.view.code, this.round.pairCodes(), command);
  }
}
