/**
 * The classroom load: one teacher and a class of students as real @colyseus/sdk clients. The
 * teacher creates the class and starts each round as soon as the class is in its lobby or
 * review; every student takes the pair-room seat the class reserves for it (keeping the class
 * connection open, as the web client does) and plays it like a pair load client (pairLoad.ts),
 * so card → verdict is measured the same way. The teacher's screen follows the live leaderboard.
 * With several load generators, one holds the teacher and the others join its class by code.
 */
import { Client, type Room } from '@colyseus/sdk';
import {
  CLASS_MSG, LIMITS, ROOM, SERVER_MSG, TEACHER_MSG,
  type ClassSettings, type ClassroomView, type SeatPayload, type TeacherWelcomePayload,
} from '../../shared/protocol.ts';
import { seedFrom } from '../../shared/random.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import { inBatches, type LoadMeter } from './loadMeter.ts';
import type { ClassTallyCounts, ClassroomLoadPlan, Sharded } from './loadPlan.ts';
import { LoadPlayer, type PairTally, type RunningPairs } from './pairLoad.ts';

const BEAT_MS = 50;
const WELCOME_TIMEOUT_MS = 10_000;

/** The same match as the plain pairs play (pairLoad.ts), so the two p99s compare like with like. */
function classSettings(plan: ClassroomLoadPlan): Partial<ClassSettings> {
  const playlist = SCENARIO_IDS.slice(0, LIMITS.playlistMax);
  return { playlist, rounds: playlist.length, difficulty: 'flags', speed: 'fast', lossRate: plan.lossRate };
}

export class ClassTally {
  studentsJoined = 0;
  roundsStarted = 0;
  seatsTaken = 0;
  teacherPatches = 0;
  readonly startRefusals: Record<string, number> = {};

  counts(): ClassTallyCounts {
    return {
      studentsJoined: this.studentsJoined, roundsStarted: this.roundsStarted, seatsTaken: this.seatsTaken,
      teacherPatches: this.teacherPatches, startRefusals: this.startRefusals,
    };
  }
}

/** Every message type a class room sends; the SDK warns about types nobody listens to. */
function listenToAll(room: Room, meter: LoadMeter, isLeaving: () => boolean): void {
  for (const type of [...Object.values(SERVER_MSG), ...Object.values(CLASS_MSG)]) room.onMessage(type, () => {});
  room.onError((code, message) => meter.error('class.onError', `${code} ${message ?? ''}`));
  room.onDrop((code) => meter.disconnected('class.onDrop', code));
  room.onLeave((code) => {
    if (!isLeaving()) meter.disconnected('class.onLeave', code);
  });
}

/** What every student of one run shares. */
interface ClassContext {
  readonly client: Client;
  readonly plan: ClassroomLoadPlan;
  readonly meter: LoadMeter;
  readonly tally: PairTally;
  readonly classTally: ClassTally;
}

/** A student: the class connection, and this round's pair room while it lasts. */
class LoadStudent {
  leaving = false;
  player: LoadPlayer | null = null;
  private seats = 0;

  readonly room: Room;
  private readonly index: number;
  private readonly context: ClassContext;

  constructor(room: Room, index: number, context: ClassContext) {
    this.room = room;
    this.index = index;
    this.context = context;
    listenToAll(room, context.meter, () => this.leaving);
    room.onMessage(CLASS_MSG.seat, (seat: SeatPayload) => void this.takeSeat(seat));
  }

  private async takeSeat(seat: SeatPayload): Promise<void> {
    // The class closes last round's pair room when the next starts: leaving it first is no disconnect.
    await this.leavePair();
    if (this.leaving) return;
    const { client, plan, meter, tally, classTally } = this.context;
    try {
      const room = await client.consumeSeatReservation(seat.reservation);
      classTally.seatsTaken++;
      const seed = seedFrom(`${plan.seed}:class:${this.index}:${this.seats++}`);
      // A class pair room plays one round; once it is over the student leaves it and waits for the next seat.
      const player: LoadPlayer = new LoadPlayer(room, meter, tally, plan.policy, seed, () => void this.leavePair(player));
      this.player = player;
      if (this.leaving) await this.leavePair();
    } catch (error) {
      if (!this.leaving) meter.joinFailed(error);
    }
  }

  async leavePair(only?: LoadPlayer): Promise<void> {
    const player = this.player;
    if (!player || (only && only !== player)) return;
    this.player = null;
    player.leaving = true;
    await player.room.leave(true).catch(() => undefined);
  }

  async leave(): Promise<void> {
    this.leaving = true;
    await this.leavePair();
    await this.room.leave(true).catch(() => undefined);
  }
}

/** The teacher's screen: starts the next round whenever the class is between rounds. */
class LoadTeacher {
  leaving = false;
  private starting = false;
  private startedFrom = -1;

  readonly room: Room;
  private readonly meter: LoadMeter;
  private readonly classTally: ClassTally;

  constructor(room: Room, meter: LoadMeter, classTally: ClassTally) {
    this.room = room;
    this.meter = meter;
    this.classTally = classTally;
    listenToAll(room, meter, () => this.leaving);
    room.onStateChange(() => {
      if (this.meter.counts(performance.now())) this.classTally.teacherPatches++;
    });
  }

  private get view(): ClassroomView {
    return this.room.state as ClassroomView;
  }

  /** Called on every beat once the class is full; one startRound per lobby or review. */
  beat(): void {
    const { phase, round } = this.view;
    if (this.leaving || this.starting || (phase !== 'lobby' && phase !== 'review') || this.startedFrom === round) return;
    this.starting = true;
    this.startedFrom = round;
    (this.room.request as (type: string) => Promise<unknown>)(TEACHER_MSG.startRound)
      .then(() => void this.classTally.roundsStarted++)
      .catch((error: unknown) => {
        const e = error as { name?: string; reason?: { code?: string } };
        if (e.name !== 'rejected') return void (!this.leaving && this.meter.error('startRound', error));
        const code = e.reason?.code ?? '?';
        this.classTally.startRefusals[code] = (this.classTally.startRefusals[code] ?? 0) + 1;
      })
      .finally(() => (this.starting = false));
  }
}

async function createClass(client: Client, plan: ClassroomLoadPlan): Promise<{ room: Room; code: string }> {
  const room = await client.create(ROOM.classroom, { teacher: true, settings: classSettings(plan) });
  const welcome = await new Promise<TeacherWelcomePayload>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no teacherWelcome')), WELCOME_TIMEOUT_MS);
    room.onMessage(CLASS_MSG.teacherWelcome, (payload: TeacherWelcomePayload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
  return { room, code: welcome.code };
}

/** The class this process's students join, and its teacher if this process is the one that creates it. */
async function classOf(
  client: Client, plan: Sharded<ClassroomLoadPlan>, meter: LoadMeter, classTally: ClassTally,
): Promise<{ code: string; teacher: LoadTeacher | null }> {
  if (plan.shard.classCode !== null) return { code: plan.shard.classCode, teacher: null };
  const created = await createClass(client, plan);
  return { code: created.code, teacher: new LoadTeacher(created.room, meter, classTally) };
}

/** A class load in one process; only the process holding the teacher starts rounds. */
export interface RunningClass extends RunningPairs {
  /** Every student of every load generator has joined: the teacher may start rounds. */
  readonly startRounds: () => void;
}

/**
 * Connects this process's students (and the teacher, if `plan.shard.classCode` is null: it creates
 * the class and hands its code to `onClass` before any student joins), then runs until `stop`.
 */
export async function startClassroom(
  plan: Sharded<ClassroomLoadPlan>, meter: LoadMeter, tally: PairTally, classTally: ClassTally, onClass: (code: string) => void,
): Promise<RunningClass> {
  const client = new Client(plan.url);
  const { code, teacher } = await classOf(client, plan, meter, classTally);
  if (teacher) onClass(code);
  const context: ClassContext = { client, plan, meter, tally, classTally };
  const students = (await inBatches(plan.students, plan.connectConcurrency, async (i) => {
    // Numbered across every load generator, so no two students share a nickname or a seed.
    const index = plan.shard.firstIndex + i;
    try {
      const room = await client.joinById(code, { nickname: `s${index}` });
      classTally.studentsJoined++;
      return new LoadStudent(room, index, context);
    } catch (error) {
      meter.joinFailed(error);
      return null;
    }
  })).filter((s): s is LoadStudent => s !== null);
  // Until every process's students are in, a round would leave some without a seat.
  let mayStartRounds = false;
  // Students time their own cards (pairLoad.ts); only the teacher looks at the class on a beat.
  const beat = setInterval(() => {
    if (mayStartRounds) teacher?.beat();
  }, BEAT_MS);
  return {
    connections: () => students.filter((s) => !s.leaving).length,
    startRounds: () => void (mayStartRounds = true),
    stop: async () => {
      clearInterval(beat);
      if (teacher) teacher.leaving = true;
      await inBatches(students.length, plan.connectConcurrency * 4, (i) => students[i]!.leave());
      // The class outlives its teacher's screen, so the other processes' students are not cut off.
      await teacher?.room.leave(true).catch(() => undefined);
    },
  };
}
