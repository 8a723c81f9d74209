/**
 * One round of a class: pairs the students (roles swap and partners change from round to
 * round), opens one pair room per pair through the matchmaker, reserves each student's seat in
 * it, and then follows the pairs until each has reported its result. Pair rooms are reached
 * only through the matchmaker and presence, so they may live in any process.
 */
import { matchMaker, type IRoomCache } from '@colyseus/core';
import type { SeatReservation } from '@colyseus/sdk';
import { BOT_SEAT, historyOf, pairStudents, type Pair, type PairingHistory } from '../../../shared/classroom/pairing.ts';
import type { Role } from '../../../shared/match/cards.ts';
import type { TimeAllowance } from '../../../shared/match/timeAllowance.ts';
import type { MoveRecord } from '../../../shared/match/types.ts';
import { ROOM } from '../../../shared/protocol.ts';
import { seedFrom } from '../../../shared/random.ts';
import type { ScenarioId } from '../../../shared/scenarios/scenario.ts';
import type { ClassPairSpec } from '../pair/classLink.ts';

/** What every pair of the round shares (as its pair rooms are told), plus who is in the class. */
export interface RoundSetup extends Omit<ClassPairSpec, 'seats'> {
  /** With each student's time allowance (the usual when absent). */
  readonly students: readonly { readonly id: string; readonly nickname: string; readonly allowance?: TimeAllowance }[];
  readonly history: PairingHistory;
}

/** A student's place this round. */
export interface RoundSeat {
  readonly pairCode: string;
  readonly role: Role;
  /** The partner's nickname, '' for a bot. */
  readonly partner: string;
}

export type ClassMove = Pick<MoveRecord, 'skill' | 'verdict' | 'why'>;

export class ClassRound {
  readonly number: number;
  readonly scenarioId: ScenarioId;
  /** Every judged move students made this round, for the class's common mistakes. */
  readonly moves: ClassMove[] = [];
  private readonly pairs: readonly Pair[];
  private readonly seats = new Map<string, RoundSeat>();
  private readonly rooms = new Map<string, IRoomCache>();
  private readonly pending = new Set<string>();
  /** Each pair room's two nicknames ('' for a bot), in pairing order: the teacher's tiles. */
  private readonly names: { readonly pairCode: string; readonly client: string; readonly server: string }[] = [];

  private constructor(setup: RoundSetup, pairs: readonly Pair[]) {
    this.number = setup.round;
    this.scenarioId = setup.scenarioId;
    this.pairs = pairs;
  }

  /** Opens the round's pair rooms; returns the round and each student's seat reservation. */
  static async open(setup: RoundSetup): Promise<{ round: ClassRound; reservations: Map<string, SeatReservation> }> {
    const nickname = new Map(setup.students.map((s) => [s.id, s.nickname]));
    const allowance = new Map(setup.students.map((s) => [s.id, s.allowance ?? 'normal']));
    const pairs = pairStudents(setup.students.map((s) => s.id), setup.seed, setup.round, setup.history);
    const round = new ClassRound(setup, pairs);
    const reservations = new Map<string, SeatReservation>();
    await Promise.all(pairs.map(async (pair, i) => {
      const seats = (['client', 'server'] as const).map((role) => ({
        studentId: pair[role], nickname: nickname.get(pair[role]) ?? '', role, allowance: allowance.get(pair[role]) ?? 'normal',
      }));
      const spec: ClassPairSpec = {
        classCode: setup.classCode, round: setup.round, scenarioId: setup.scenarioId, settings: setup.settings,
        seed: seedFrom(`${setup.seed}:${setup.round}:${i}`), seatWaitMs: setup.seatWaitMs, getReadyMs: setup.getReadyMs, paused: setup.paused, seats,
      };
      const room = await matchMaker.createRoom(ROOM.pair, { classroom: spec });
      round.rooms.set(room.roomId, room);
      round.names[i] = { pairCode: room.roomId, client: seats[0]!.nickname, server: seats[1]!.nickname };
      round.pending.add(room.roomId);
      for (const [mine, theirs] of [[seats[0]!, seats[1]!], [seats[1]!, seats[0]!]] as const) {
        if (mine.studentId === BOT_SEAT) continue;
        round.seats.set(mine.studentId, { pairCode: room.roomId, role: mine.role, partner: theirs.nickname });
        reservations.set(mine.studentId, await reserve(room, mine.studentId, mine.nickname));
      }
    }));
    return { round, reservations };
  }

  seatOf(studentId: string): RoundSeat | undefined {
    return this.seats.get(studentId);
  }

  /** A new reservation in the student's pair room, for a student who came back mid-round. */
  async reserveAgain(studentId: string, nickname: string): Promise<SeatReservation | undefined> {
    const seat = this.seats.get(studentId);
    const room = seat && this.pending.has(seat.pairCode) ? this.rooms.get(seat.pairCode) : undefined;
    return room && reserve(room, studentId, nickname).catch(() => undefined);
  }

  /** A seat for a teacher's screen to watch a pair of this round (its ladder on the projector). */
  async watch(pairCode: string): Promise<SeatReservation | undefined> {
    const room = this.rooms.get(pairCode);
    return room && (matchMaker.reserveSeatFor(room, {}, { nickname: '', watcher: true }) as Promise<SeatReservation>).catch(() => undefined);
  }

  /** The pairs in pairing order, with their nicknames ('' for a bot). */
  pairNames(): readonly { readonly pairCode: string; readonly client: string; readonly server: string }[] {
    return this.names.filter(Boolean);
  }

  /** Whether a report from this pair room belongs to this round. */
  has(pairCode: string): boolean {
    return this.rooms.has(pairCode);
  }

  /** A pair reported its result; true once every pair has. */
  finished(pairCode: string): boolean {
    this.pending.delete(pairCode);
    return this.pending.size === 0;
  }

  /** Every pair room of the round, finished or not. */
  pairCodes(): string[] {
    return [...this.rooms.keys()];
  }

  get pairsPlaying(): number {
    return this.pending.size;
  }

  /** Who played which role with whom, so the next round swaps roles and partners. */
  history(): PairingHistory {
    return historyOf(this.pairs);
  }
}

function reserve(room: IRoomCache, studentId: string, nickname: string): Promise<SeatReservation> {
  // The auth data rides on the seat: the pair room knows the student without asking the client.
  return matchMaker.reserveSeatFor(room, {}, { nickname, studentId }) as Promise<SeatReservation>;
}
