/**
 * Boots the real game server for a test file (on a free port of its own, or TANGO_TEST_PORT
 * when set) with short timings, and small helpers that wait for what the server says instead
 * of sleeping.
 */
import { ColyseusTestServer } from '@colyseus/testing';
import { Client, type Room } from '@colyseus/sdk';
import { createGameServer, listenGameServer, type GameServer } from '../../server/app.ts';
import { freePort } from '../freePort.ts';
import { loadConfig, type Config, type PairRoomConfig } from '../../server/config.ts';
import { openStores, type Stores } from '../../server/storage/stores.ts';
import { CLIENT_MSG, errorCodeOf, SERVER_MSG, type MoveJudgedPayload, type MoveView, type PairJoinOptions, type PlayPayload, type PlayReply } from '../../shared/protocol.ts';
import type { PairRoom as PairRoomOnServer } from '../../server/rooms/pair/PairRoom.ts';
import type { PairRoomState } from '../../server/rooms/schema/PairRoomState.ts';
import { hintCardsOf, MOVE_RECORD, SEGMENT_RECORD, STATE_LOG_RECORD } from '../../shared/stateRecords.ts';

/** A network and timers fast enough for tests, slow enough that patches show every step. */
export const FAST: Partial<PairRoomConfig> = {
  quickMatchBotMs: 300,
  reconnectSeconds: 2,
  tickMs: 10,
  seed: 42,
  bot: { reactionMs: 30, errorRate: 0 },
  // No get-ready step, so rounds start on the tests' timing (getReady.test.ts has one).
  getReadyMs: 0,
  // 2 MSL outlasts RTO + latency, so a retransmitted FIN still finds TIME-WAIT.
  timing: { latencyMs: 60, rtoMs: 300, mslMs: 400, deadlineMs: 10_000 },
};

/**
 * Where this test file's servers listen; the SDK and HTTP tests reach it here. Each test file
 * loads this module afresh, so each takes a port the kernel says is free, and two test runs on
 * one machine never collide. TANGO_TEST_PORT pins it (e.g. to watch the traffic).
 */
export const TEST_PORT = process.env.TANGO_TEST_PORT ? Number(process.env.TANGO_TEST_PORT) : await freePort();
export const TEST_URL = `http://127.0.0.1:${TEST_PORT}`;

export function testConfig(pair: Partial<PairRoomConfig> = {}): Config {
  const base = loadConfig({});
  return { ...base, pair: { ...base.pair, ...FAST, ...pair } };
}

export type TestServer = ColyseusTestServer<GameServer>;

export async function bootGame(config: Config = testConfig(), stores: Stores = openStores(':memory:')): Promise<TestServer> {
  // boot() listens on its own fixed port when handed a Server, so the server listens here first.
  const server = createGameServer(config, stores);
  await listenGameServer(server, config, TEST_PORT);
  return new ColyseusTestServer(server) as TestServer;
}

/** A fresh SDK client, as a reloaded page would create, pointed at the test server. */
export function freshClient(): Client {
  return new Client(TEST_URL);
}

export type PairRoom = Room<PairRoomOnServer>;
type View = PairRoomState;

/**
 * Listens to every server message, as a real client does (the SDK warns about unheard ones),
 * and waits for the first full state, which comes just after the join itself.
 */
export async function hearing<R extends Pick<Room, 'onMessage' | 'waitForInitialState'> = PairRoom>(room: R): Promise<R> {
  const listen = room.onMessage.bind(room) as (t: string, cb: () => void) => () => void;
  for (const type of Object.values(SERVER_MSG)) listen(type, () => {});
  await room.waitForInitialState();
  return room;
}

/** Comes back to a seat with a stored reconnection token, as a reloaded page does. */
export async function rejoin(token: string): Promise<PairRoom> {
  return hearing(await freshClient().reconnect(token));
}

export async function join(colyseus: TestServer, options: PairJoinOptions): Promise<PairRoom> {
  return hearing(await colyseus.sdk.joinOrCreate('pair', options));
}

export async function create(colyseus: TestServer, options: PairJoinOptions): Promise<PairRoom> {
  return hearing(await colyseus.sdk.create('pair', options));
}

export async function joinByCode(colyseus: TestServer, code: string, options: PairJoinOptions): Promise<PairRoom> {
  return hearing(await colyseus.sdk.joinById(code, options));
}

/** Two humans in a private room with this playlist; the creator is the client in round 1. */
export async function pairUp(colyseus: TestServer, playlist: PairJoinOptions['playlist'], partner: Pick<PairJoinOptions, 'moveJudged'> = {}) {
  const a = await create(colyseus, { nickname: 'Ada', mode: 'private', playlist });
  const b = await joinByCode(colyseus, a.roomId, { nickname: 'Bo', mode: 'private', ...partner });
  await until(a, (s) => s.phase === 'playing');
  await until(b, (s) => s.phase === 'playing');
  return { a, b };
}

/** What `until` needs of a joined room, whatever its kind (pair, challenge, classroom). */
interface Watched<S> {
  readonly state: S;
  readonly onStateChange: { (cb: (state: S) => void): unknown; remove(cb: (state: S) => void): unknown };
}

/** Resolves once `test` holds for the room's state, checked at every patch. */
export function until<S = View>(room: Watched<S>, test: (state: S) => boolean, timeoutMs = 10_000): Promise<S> {
  return new Promise((resolve, reject) => {
    // The SDK's signal removes its *last* listener when asked to remove one it does not hold,
    // so only a listener that was really added is ever removed.
    let listening = false;
    const stop = () => {
      clearTimeout(timer);
      if (listening) room.onStateChange.remove(check);
      listening = false;
    };
    const check = (state: S) => {
      if (!test(state)) return false;
      stop();
      resolve(state);
      return true;
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`state never matched: ${JSON.stringify(room.state).slice(0, 1500)}`));
    }, timeoutMs);
    if (!check(room.state)) {
      room.onStateChange(check);
      listening = true;
    }
  });
}

/** The error code a request (or a join) was refused with; fails the test if it was accepted. */
export async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (e) {
    return errorCodeOf(e);
  }
  throw new Error('it was accepted');
}

/** Resolves with the next message of `type`, which may already be on its way. */
export function next<T>(room: PairRoom, type: string, test: (m: T) => boolean = () => true, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no ${type} message`)); }, timeoutMs);
    // The SDK types messages from the server's typed client; tests name them as strings.
    const listen = room.onMessage.bind(room) as (t: string, cb: (m: T) => void) => () => void;
    const off = listen(type, (m: T) => {
      if (!test(m)) return;
      clearTimeout(timer);
      off();
      resolve(m);
    });
  });
}

/** Every `moveJudged` the server sends this client from now on, whatever the kind of room. */
export function hearMoves(room: { onMessage(type: string, callback: (m: MoveJudgedPayload) => void): unknown }): MoveView[] {
  const heard: MoveView[] = [];
  room.onMessage(SERVER_MSG.moveJudged, (m) => heard.push(m.move));
  return heard;
}

/** What the play helpers need of a seated room, a pair room or a challenge. */
interface Seated {
  readonly sessionId: string;
  readonly state: SeatedView;
  request(type: string, payload: unknown): Promise<unknown>;
}
type SeatedView = Pick<View, 'round' | 'phase' | 'serverTime' | 'roundClockStartsAt' | 'moves' | 'players' | 'endpoints'>;
type SeatedRoom = Seated & Watched<SeatedView>;

export function play(room: Pick<Seated, 'request'>, payload: PlayPayload): Promise<PlayReply> {
  return room.request(CLIENT_MSG.play, payload) as Promise<PlayReply>;
}

/** A state's round lists as a client reads them: on the wire each record is one string (shared/stateRecords.ts). */
export const segmentsOf = (s: { readonly segments: Iterable<string> }) => Array.from(s.segments, (r) => SEGMENT_RECORD.decode(r));
export const movesOf = (s: { readonly moves: Iterable<string> }) => Array.from(s.moves, (r) => MOVE_RECORD.decode(r));
export const stateLogOf = (s: { readonly stateLog: Iterable<string> }) => Array.from(s.stateLog, (r) => STATE_LOG_RECORD.decode(r));

/** My role (this round), my endpoint's view, and the cards its hint shows (one string on the wire). */
export function me(room: Seated) {
  const role = room.state.players.get(room.sessionId)!.role;
  // Before the first round is projected there is no endpoint yet: no hint either.
  const endpoint = room.state.endpoints.get(role);
  return { role, endpoint: endpoint!, hints: hintCardsOf(endpoint?.hintCards ?? '') };
}

/**
 * Plays like a student who follows every hint: whenever the server shows a card to play, play
 * it, then wait until the judged move is in the state before looking again. Ends with the round,
 * or with a challenge's last round when `through` is 'challenge'.
 */
export async function followHints(room: SeatedRoom, through: 'round' | 'challenge' = 'round'): Promise<void> {
  const first = room.state.round;
  const over = (s: SeatedView) => s.phase !== 'playing' || (through === 'round' && s.round !== first);
  for (;;) {
    // A card in the get-ready step is refused: wait for the round's clock too.
    const state = await until<SeatedView>(room, (s) => over(s)
      || (me(room).hints.length > 0 && s.serverTime >= s.roundClockStartsAt), 15_000);
    if (over(state)) return;
    const card = me(room).hints[0]!;
    const { round, moves } = { round: state.round, moves: state.moves.length };
    try {
      const reply = await play(room, { card });
      // A stale card crossed an arrival that changed the hint: it costs nothing, look again.
      if (reply.move.verdict !== 'correct' && reply.move.verdict !== 'stale') throw new Error(`hint ${card} judged ${reply.move.verdict}`);
    } catch (e) {
      // A challenge's time can run out between the hint and the card.
      if (errorCodeOf(e) === 'challengeOver') return;
      // So can a round: the partner's last card lands while this one is on its way (a hint to
      // retransmit, shown when the timer fired on a loaded machine, crossed the ACK that won the
      // round). The round's end reached this client before the refusal did.
      if (errorCodeOf(e) === 'roundNotRunning' && over(room.state)) return;
      // The SDK's error says only "request rejected": name the refusal, and where the round stood.
      const reason = JSON.stringify((e as { reason?: unknown }).reason ?? String(e));
      const seen = room.state as SeatedView & { roundStatus?: string };
      const players = [...seen.players.values()].map((p) => `${p.role}${p.isBot ? ' (bot)' : ''}${p.connected ? '' : ' (gone)'}`).join(', ');
      throw new Error(`hint ${card} refused (${errorCodeOf(e)}: ${reason}) in round ${round}, phase ${seen.phase}, round ${seen.roundStatus ?? '?'}, `
        + `players ${players}, moves ${JSON.stringify(movesOf(seen).map((m) => `${m.role} ${m.card ?? '-'} ${m.verdict}`))}`, { cause: e });
    }
    await until<SeatedView>(room, (s) => over(s) || s.round !== round || s.moves.length > moves);
  }
}
