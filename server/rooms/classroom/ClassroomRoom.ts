/**
 * A classroom: one teacher (on one or more screens), up to 200 students, and rounds played in
 * pairs. The creator is the teacher and gets the class's secret; only clients that joined as
 * the teacher may command. Who may join is classAuth.ts and classRoster.ts; the rounds, their
 * pair rooms and the pairs' reports through presence are classRounds.ts; the live leaderboard
 * is classLeaderboard.ts. Everything a report needs is written to the database as it happens,
 * so the report does not depend on this room.
 */
import { CloseCode, logger, Room, ServerError, type Client, type Delayed, type MessageContext } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { randomInt } from 'node:crypto';
import { classSettingsWith, DEFAULT_CLASS_SETTINGS } from '../../../shared/classroom/settings.ts';
import {
  CLASS_LIMITS, CLASS_MSG, SERVER_MSG, TEACHER_MSG, type ClassroomCreateOptions, type ClassSettings, type ErrorCode,
  type NoticePayload, type WatchPairReply,
} from '../../../shared/protocol.ts';
import {
  classroomCreateOptionsSchema, classSettingsPatchSchema, kickPayloadSchema, lockPayloadSchema, noPayloadSchema,
  timeAllowancePayloadSchema, watchPairPayloadSchema,
} from '../../../shared/validation.ts';
import { TimeAllowances } from './timeAllowances.ts';
import { classToRunAgain } from './runAgain.ts';
import type { ClassroomConfig } from '../../config.ts';
import type { Stores } from '../../storage/stores.ts';
import { WriteQueue } from '../common/writeQueue.ts';
import { classWrites, type ClassWrites } from './classWrites.ts';
import { hashSecret, newSecret, parseClassJoin, refusal, secretMatches, type ClassAuth } from './classAuth.ts';
import { listenToPairs } from '../pair/classChannels.ts';
import { Leaderboard, ShownStandings } from './classLeaderboard.ts';
import { ClassRounds } from './classRounds.ts';
import { makePlaylist, nextScenarioOf } from '../pair/playlist.ts';
import { Roster, type Student } from './classRoster.ts';
import { checked, RateLimit, refuse, tell, type RoomHandlers } from '../common/refusals.ts';
import type { ClassroomEvents, ClassroomMessages, Done } from '../../../shared/messageMap.ts';
import { claimRoomCode, holdRoomCode, releaseRoomCode } from '../common/roomCodes.ts';
import { claimRevival, type RevivalOption } from './classRevival.ts';
import { ClassroomState, ClassSettingsState, StudentState } from '../schema/ClassroomState.ts';
import { refuseWhileClosing } from '../common/closing.ts';
import { roomForState } from '../common/fullState.ts';

type ClassClient = Client<{
  auth: ClassAuth;
  messages: ClassroomEvents;
}>;

/** What onCreate receives: the creator's options plus the server's, which clients cannot set. */
export type ClassroomRoomOptions = Partial<ClassroomCreateOptions> & RevivalOption & { readonly server: ClassroomConfig; readonly stores: Stores };

/**
 * How often, at most, the leaderboard is re-ranked into the state and pairs' tiles take their news.
 * Both are for teacher screens only, yet each patch that changes them sends every student an
 * empty patch (Colyseus sends the shared part to every client without a view).
 */
const TEACHER_VIEW_EVERY_MS = 1000;
/**
 * How often the class's state goes out. Every patch is one write per screen (up to 200
 * students), and while pairs finish a round each one changes the class; nothing here is a
 * race (commands are answered at once, seats are messages), so a quarter of a second is quick
 * enough for a lobby and spares the server's pair rooms a burst of writes 20 times a second.
 */
const PATCH_EVERY_MS = 250;
/**
 * A class of 200 students with nicknames as long as they may be, in three-byte characters, a
 * round's 100 tiles and a teacher screen's view encodes to 112 KB (classFullState.test.ts).
 */
const CLASS_STATE_BYTES = 160 * 1024;

/** A teacher command: nothing to say when it worked, the reason when it did not. */
type Command = () => ErrorCode | undefined | Promise<ErrorCode | undefined>;

export class ClassroomRoom extends Room<{ state: ClassroomState; client: ClassClient }> {
  override state = new ClassroomState();
  override maxClients = CLASS_LIMITS.studentsMax + CLASS_LIMITS.teachersMax;
  // A class outlives its screens for a while: a teacher's reload must not end it (see `idle`).
  override autoDispose = false;

  private config!: ClassroomConfig;
  private stores!: Stores;
  /** The class's writes to the database, in order and off the room's path. */
  private readonly queue = new WriteQueue(() => `ClassroomRoom ${this.roomId}`);
  private writes!: ClassWrites;
  private roster!: Roster;
  private limit!: RateLimit;
  private settings: ClassSettings = DEFAULT_CLASS_SETTINGS;
  private secretHash = '';
  /** The secret until the creator joins and is given it; after that it exists only in their browser. */
  private unclaimedSecret: string | null = null;
  /** What to hand each client that passed onAuth once it has joined (the secret, a student's token). */
  private readonly welcomes = new Map<string, string>();
  private readonly studentClients = new Map<string, ClassClient>();
  private readonly leaderboard = new Leaderboard();
  /** The teacher's screens: the only clients that receive the live leaderboard. */
  private readonly screens = new StateView();
  private readonly liveStandings = new ShownStandings(this.state.liveLeaderboard);
  private readonly roundStandings = new ShownStandings(this.state.leaderboard);
  private rounds!: ClassRounds;
  private allowances!: TimeAllowances;
  private endAfterRound = false;
  private idleTimer: Delayed | undefined;
  private projectedAt = -Infinity;
  private projectedPhase = '';

  override messages = {
    [TEACHER_MSG.settings]: checked(classSettingsPatchSchema, (c: ClassClient, p, ctx) =>
      this.command(c, ctx, () => this.changeSettings(p))),
    [TEACHER_MSG.lock]: checked(lockPayloadSchema, (c: ClassClient, p, ctx) =>
      this.command(c, ctx, () => this.setLocked(p.locked))),
    [TEACHER_MSG.kick]: checked(kickPayloadSchema, (c: ClassClient, p, ctx) =>
      this.command(c, ctx, () => this.kick(p.studentId))),
    [TEACHER_MSG.startRound]: checked(noPayloadSchema, (c: ClassClient, _p, ctx) =>
      this.command(c, ctx, () => this.rounds.start(this.settings, this.allowances.seat(this.connectedStudents())))),
    [TEACHER_MSG.pause]: checked(noPayloadSchema, (c: ClassClient, _p, ctx) =>
      this.command(c, ctx, () => this.rounds.pause(true))),
    [TEACHER_MSG.resume]: checked(noPayloadSchema, (c: ClassClient, _p, ctx) =>
      this.command(c, ctx, () => this.rounds.pause(false))),
    [TEACHER_MSG.endRound]: checked(noPayloadSchema, (c: ClassClient, _p, ctx) =>
      this.command(c, ctx, () => this.rounds.endEarly())),
    [TEACHER_MSG.endClass]: checked(noPayloadSchema, (c: ClassClient, _p, ctx) =>
      this.command(c, ctx, () => this.endClass())),
    [TEACHER_MSG.timeAllowance]: checked(timeAllowancePayloadSchema, (c: ClassClient, p, ctx) =>
      this.command(c, ctx, () => this.allowances.set(p.studentId, p.allowance))),
    [TEACHER_MSG.watchPair]: checked(watchPairPayloadSchema, (c: ClassClient, p, ctx) => this.watch(c, ctx, p.pairCode)),
    _: (client: ClassClient) => {
      if (this.limit.allows(client, undefined, this.clock.currentTime)) tell(client, 'unknownMessage');
    },
  } satisfies RoomHandlers<ClassroomMessages, ClassClient>;

  // ---- teacher commands ------------------------------------------------------------------------

  /** Only a client that joined as the teacher commands; everyone else is refused, whatever they send. */
  private async command(client: ClassClient, ctx: MessageContext, run: Command): Promise<Done | undefined> {
    if (!this.limit.allows(client, ctx, this.clock.currentTime)) return undefined;
    if (!client.auth?.teacher) return refuse(client, ctx, 'notTeacher');
    if (this.state.phase === 'ended') return refuse(client, ctx, 'classEnded');
    const refused = await run();
    return refused ? refuse(client, ctx, refused) : {};
  }

  /** A teacher's screen asks for a seat to watch one pair: the reply carries it. */
  private async watch(client: ClassClient, ctx: MessageContext, pairCode: string): Promise<WatchPairReply | undefined> {
    if (!this.limit.allows(client, ctx, this.clock.currentTime)) return undefined;
    if (!client.auth?.teacher) return refuse(client, ctx, 'notTeacher');
    const seat = await this.rounds.watch(pairCode);
    return typeof seat === 'string' ? refuse(client, ctx, seat) : { reservation: seat };
  }

  private changeSettings(change: Partial<ClassSettings>): undefined {
    this.settings = classSettingsWith(this.settings, change);
    this.leaderboard.rankBy(this.settings.rankBy);
    this.writes.saveSettings(this.state.code, this.settings);
    this.showSettings();
    return undefined;
  }

  private setLocked(locked: boolean): undefined {
    this.state.locked = locked;
    this.writes.setLocked(this.state.code, locked);
    return undefined;
  }

  private kick(studentId: string): ErrorCode | undefined {
    if (!this.roster.kick(studentId)) return 'unknownStudent';
    this.allowances.forget(studentId);
    this.state.students.delete(studentId);
    this.leaderboard.touch();
    this.rounds.kick(studentId);
    const client = this.studentClients.get(studentId);
    if (client) {
      tell(client, 'kicked');
      // Consented: the seat is not held for a reconnection.
      client.leave(CloseCode.CONSENTED, 'kicked');
    }
    return undefined;
  }

  private endClass(): undefined {
    if (this.state.phase === 'playing') {
      // The round ends first, so that every pair's result is in the leaderboard and the report.
      this.endAfterRound = true;
      this.rounds.endEarly();
      return undefined;
    }
    this.writes.end(this.state.code, Date.now());
    Object.assign(this.state, { phase: 'ended', paused: false });
    this.broadcast(SERVER_MSG.notice, { code: 'classEnded' } satisfies NoticePayload);
    return undefined;
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  override async onCreate(options: ClassroomRoomOptions): Promise<void> {
    const { server, stores, revive, ...fromClient } = options;
    this.config = server;
    // Seats reserved and not yet taken count against maxClients: room for one address's worth of
    // them (the per-address cap) beyond the class itself, so nobody fills a class by reserving.
    // The roster still admits at most CLASS_LIMITS.studentsMax students.
    this.maxClients = CLASS_LIMITS.studentsMax + CLASS_LIMITS.teachersMax + server.pendingSeatSlack;
    // Assigned, not declared as a field: the setter is what moves the room's patch timer.
    this.patchRate = PATCH_EVERY_MS;
    roomForState(this, CLASS_STATE_BYTES);
    this.stores = stores;
    this.writes = classWrites(stores.classes, this.queue);
    this.limit = new RateLimit({ perSecond: server.messagesPerSecond, burst: server.messageBurst });
    this.maxMessagesPerSecond = server.disconnectAbovePerSecond;
    this.allowances = new TimeAllowances({
      shown: this.state.timeAllowances, known: (id) => this.roster.get(id) !== undefined,
      save: (id, allowance) => this.writes.setAllowance(this.roomId, id, allowance),
    });
    const interrupted = await (revive === undefined ? this.open(fromClient) : this.reopen(revive));
    await this.setPrivate(true);
    // Teacher screens only: who has more time is nobody else's business.
    this.screens.add(this.state.timeAllowances);
    this.leaderboard.rankBy(this.settings.rankBy);
    this.rounds = new ClassRounds({
      view: this.state, presence: this.presence, clock: this.clock, config: server, classes: this.writes,
      leaderboard: this.leaderboard, seed: server.seed ?? randomInt(2 ** 31), interrupted,
      seat: (studentId, seat) => this.studentClients.get(studentId)?.send(CLASS_MSG.seat, seat),
      closed: () => { if (this.endAfterRound) this.endClass(); },
      tileAdded: (tile) => this.screens.add(tile),
      tileRemoved: (tile) => this.screens.remove(tile),
    });
    this.state.code = this.roomId;
    this.state.settings = new ClassSettingsState();
    this.showSettings();
    await listenToPairs(this.presence, this.roomId, (r) => this.rounds.report(r));
    // A revived class nobody comes back to closes like any other class left empty.
    this.idle();
  }

  /** A new class, as its creator asked for it; none of its rounds were interrupted. */
  private async open(fromClient: unknown): Promise<number> {
    const created = classroomCreateOptionsSchema.safeParse(fromClient);
    if (!created.success) throw refusal('badOptions');
    const classes = this.stores.classes;
    // A class's code is never reused: its report is found by it, long after the room is gone.
    this.roomId = await claimRoomCode(this.presence, undefined, async (code) => !(await classes.exists(code)));
    // Run again: the earlier class's settings and names, if the creator proves it is theirs.
    const again = created.data.again && await classToRunAgain(classes, created.data.again);
    this.settings = classSettingsWith(again?.settings ?? DEFAULT_CLASS_SETTINGS, created.data.settings ?? {});
    this.unclaimedSecret = newSecret();
    this.secretHash = hashSecret(this.unclaimedSecret);
    // Awaited, unlike the writes after it: a class that is not stored would have no report.
    await classes.create({
      code: this.roomId, secretHash: this.secretHash, locale: created.data.locale ?? 'en', settings: this.settings, createdAt: Date.now(),
    });
    this.roster = new Roster(this.roomId, this.writes);
    if (again) {
      for (const s of this.roster.expect(again.names)) {
        this.showStudent(s, false);
        const allowance = again.allowances.get(s.nickname);
        if (allowance) this.allowances.set(s.id, allowance);
      }
    }
    return 0;
  }

  /**
   * The class `code` again after a restart (classRevival.ts), from what the database holds: the
   * same code, secret, settings, lock and roster, the standings of its finished rounds, and the
   * round that was running marked interrupted. Returns how many of its rounds were interrupted.
   */
  private async reopen(code: unknown): Promise<number> {
    const classes = this.stores.classes;
    const stored = claimRevival(code) ? await classes.get(code) : undefined;
    if (!stored || stored.endedAt !== null || !(await holdRoomCode(this.presence, stored.code))) throw refusal('badOptions');
    this.roomId = stored.code;
    this.settings = stored.settings;
    this.secretHash = stored.secretHash;
    this.state.locked = stored.locked;
    this.roster = new Roster(stored.code, this.writes);
    const students = await classes.students(stored.code);
    this.roster.restore(students);
    for (const s of students) if (!s.kicked) this.allowances.restore(s.id, s.allowance);
    await classes.interruptRounds(stored.code, Date.now());
    const rounds = await classes.rounds(stored.code);
    for (const r of await this.stores.results.forRoom(stored.code)) {
      if (r.mode === 'class' && !r.isBot) this.leaderboard.result({ studentId: r.playerId, points: r.points, correct: r.correct, mistakes: r.mistakes, missed: r.missed });
    }
    // Everyone is shown away until they come back; a round starts only with those who did.
    for (const student of this.roster.active()) this.showStudent(student, false);
    Object.assign(this.state, { round: rounds.at(-1)?.roundNo ?? 0, phase: rounds.length > 0 ? 'review' : 'lobby' });
    return rounds.filter((r) => r.interrupted).length;
  }

  /** Malformed options (a bad nickname) are refused while matchmaking, before a seat is reserved. */
  static override async onAuth(_token: string, options: unknown): Promise<true> {
    parseClassJoin(options);
    // `true` adds no auth data, so the instance's onAuth below still decides (it knows the class).
    return true;
  }

  /** Decides who is joining, knowing the class; a refusal names the reason (classAuth.ts). */
  override onAuth(client: ClassClient, options: unknown): ClassAuth {
    const request = parseClassJoin(options);
    if (request.kind === 'creator') {
      // Only the creator joins as the teacher without the secret, and only once.
      if (this.unclaimedSecret === null) throw refusal('badTeacherSecret');
      this.welcomes.set(client.sessionId, this.unclaimedSecret);
      this.unclaimedSecret = null;
      return { teacher: true };
    }
    if (request.kind === 'teacher') {
      if (!secretMatches(request.secret, this.secretHash)) throw refusal('badTeacherSecret');
      const screens = this.clients.filter((c) => (c.auth as ClassAuth | undefined)?.teacher === true).length;
      if (screens >= CLASS_LIMITS.teachersMax) throw refusal('classFull');
      return { teacher: true };
    }
    if (this.state.phase === 'ended') throw refusal('classEnded');
    const { student, token } = this.roster.admit(request.nickname, request.token, this.state.locked);
    this.welcomes.set(client.sessionId, token);
    return { teacher: false, studentId: student.id };
  }

  override onJoin(client: ClassClient): void {
    refuseWhileClosing(this);
    this.rounds.stampForNewcomer();
    this.idleTimer?.clear();
    const welcome = this.welcomes.get(client.sessionId);
    this.welcomes.delete(client.sessionId);
    const auth = client.auth as ClassAuth;
    if (auth.teacher) {
      // One view for every screen: the live rows are encoded once, whatever the number of screens.
      client.view = this.screens;
      if (welcome) client.send(CLASS_MSG.teacherWelcome, { code: this.state.code, secret: welcome });
      return;
    }
    const student = this.roster.get(auth.studentId);
    if (!student || !welcome) return;
    this.studentClients.set(student.id, client);
    client.send(CLASS_MSG.studentWelcome, { studentId: student.id, nickname: student.nickname, token: welcome });
    this.showStudent(student, true);
    // Back in the middle of a round (a reload): their seat is still theirs.
    if (this.state.phase === 'playing') {
      void this.rounds.reseat(student.id, student.nickname).then((seat) => seat && client.send(CLASS_MSG.seat, seat));
    }
  }

  override onDrop(client: ClassClient, code?: number): void {
    if (code === CloseCode.SERVER_SHUTDOWN) return;
    this.showConnected(client, false);
    this.allowReconnection(client, this.config.reconnectSeconds);
  }

  override onReconnect(client: ClassClient): void {
    this.rounds.stampForNewcomer();
    const auth = client.auth as ClassAuth | undefined;
    if (auth?.teacher === false && this.studentClients.get(auth.studentId)?.sessionId === client.sessionId) {
      this.studentClients.set(auth.studentId, client);
    }
    this.showConnected(client, true);
  }

  override onLeave(client: ClassClient): void {
    this.showConnected(client, false);
    const auth = client.auth as ClassAuth | undefined;
    if (auth?.teacher === false && this.studentClients.get(auth.studentId)?.sessionId === client.sessionId) this.studentClients.delete(auth.studentId);
    this.welcomes.delete(client.sessionId);
    if (this.clients.length === 0) this.idle();
  }

  override async onDispose(): Promise<void> {
    // Undefined when onCreate refused the class (bad options, a class to run again that is not theirs).
    (this.rounds as ClassRounds | undefined)?.dismiss();
    if (this.state.code) await releaseRoomCode(this.presence, this.state.code);
    // The server closes the database only after every room is disposed: the last writes land first.
    await this.queue.settled();
  }

  override onBeforePatch(): void {
    // Ranking reorders rows, and every moved row goes to every screen that shows the list; pairs'
    // tiles change with every move. Both at most once a second (200 students joining, or 100
    // pairs playing), but at once when the phase changes, so the review shows how the round ended.
    // The patch timer runs from the room's start, so with presence on Redis it can fire while
    // onCreate still waits for its code: no roster or rounds yet (it threw, and took the process down).
    if (this.roster === undefined || (this.rounds as ClassRounds | undefined) === undefined) return;
    const now = this.clock.currentTime;
    const phase = this.state.phase;
    if (now - this.projectedAt < TEACHER_VIEW_EVERY_MS && phase === this.projectedPhase) return;
    const students = this.roster.present();
    const tilesMoved = this.rounds.showTileNews();
    const rowsMoved = this.leaderboard.project(this.liveStandings, students, (row) => this.screens.add(row));
    if (tilesMoved || rowsMoved) this.projectedAt = now;
    // Everyone's standings stand still while pairs play (from the round's first patch, which
    // still brings in whoever joined just before it): they move when the round is over.
    if (phase !== 'playing' || phase !== this.projectedPhase) this.leaderboard.project(this.roundStandings, students);
    this.projectedPhase = phase;
  }

  override onUncaughtException(error: Error, method: string): void {
    // A refused join (a wrong secret, a locked class) is an answer, not a bug.
    if (error.cause instanceof ServerError) return;
    logger.error(`ClassroomRoom ${this.roomId} ${method}:`, error);
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** Nobody is connected: the class closes after a while; its report stays in the database. */
  private idle(): void {
    this.idleTimer?.clear();
    this.idleTimer = this.clock.setTimeout(() => {
      // Closed for good (unlike a server shutdown, after which the class comes back): a restart
      // must not revive it, and a round it was in the middle of never ends.
      const now = Date.now();
      const code = this.state.code;
      this.queue.add('interrupted rounds', () => this.stores.classes.interruptRounds(code, now));
      this.writes.end(code, now);
      void this.disconnect();
    }, this.config.idleMs);
  }

  private connectedStudents(): Student[] {
    return this.roster.active().filter((s) => this.state.students.get(s.id)?.connected);
  }

  private showStudent(student: Student, connected: boolean): void {
    const view = this.state.students.get(student.id);
    if (view) view.connected = connected;
    else this.state.students.set(student.id, new StudentState({ id: student.id, nickname: student.nickname, connected }));
    this.leaderboard.touch();
  }

  /**
   * Shows a student's connection as `client`'s, if `client` is the student's newest: a student
   * who came back on a second connection (a second device, a phone on a new network) while the
   * old socket was still open stays connected, and seated, when the old one closes.
   */
  private showConnected(client: ClassClient, connected: boolean): void {
    const auth = client.auth as ClassAuth | undefined;
    if (auth?.teacher !== false) return;
    const newest = this.studentClients.get(auth.studentId);
    // By session: a connection that came back (onReconnect) is a new object with the same session.
    if (newest !== undefined && newest.sessionId !== client.sessionId) return;
    const view = this.state.students.get(auth.studentId);
    if (view) view.connected = connected;
  }

  private showSettings(): void {
    const { playlist, ...rest } = this.settings;
    Object.assign(this.state.settings, rest);
    // While a round is played, "next" is the round after it; in the lobby and the review, the coming one.
    this.state.nextScenarioId = nextScenarioOf(makePlaylist(this.settings), this.state.round);
    const shown = this.state.settings.playlist;
    if (shown.length !== playlist.length || playlist.some((id, i) => shown[i] !== id)) {
      shown.clear();
      shown.push(...playlist);
    }
  }
}
