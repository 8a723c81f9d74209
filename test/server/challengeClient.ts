/**
 * Helpers for timed-challenge tests: a short challenge on a fast network, real SDK clients that
 * join it, and a player who follows every hint until the time is up.
 */
import { randomUUID } from 'node:crypto';
import type { Room } from '@colyseus/sdk';
import type { Config, ChallengeRoomConfig } from '../../server/config.ts';
import type { ChallengeRoom as ChallengeRoomOnServer } from '../../server/rooms/challenge/ChallengeRoom.ts';
import type { ChallengeRoomState } from '../../server/rooms/schema/ChallengeRoomState.ts';
import type { Card } from '../../shared/match/cards.ts';
import {
  CLIENT_MSG, errorCodeOf, ROOM, SERVER_MSG, type ChallengeJoinOptions, type ChallengeResultPayload, type PlayPayload, type PlayReply,
} from '../../shared/protocol.ts';
import { FAST, testConfig, until as untilState, type TestServer } from './gameServer.ts';

/** A challenge of a few seconds on the same fast network as the pair-room tests. */
export const SHORT: Partial<ChallengeRoomConfig> = {
  durationMs: 2500,
  reconnectSeconds: 2,
  tickMs: 10,
  bot: { reactionMs: 30, errorRate: 0 },
  // No get-ready step, so the challenge's clock starts as the tests start it (getReady.test.ts has one).
  getReadyMs: 0,
  timing: FAST.timing!,
};

export function challengeConfig(challenge: Partial<ChallengeRoomConfig> = {}): Config {
  const base = testConfig();
  return { ...base, challenge: { ...base.challenge, ...SHORT, ...challenge } };
}

export type ChallengeRoom = Room<ChallengeRoomOnServer>;
type View = ChallengeRoomState;

/** A player id as a browser would keep it in localStorage. */
export const newPlayerId = (): string => randomUUID();

/** Listens to every server message, as a real client does, and waits for the first state. */
async function hearing(room: ChallengeRoom): Promise<ChallengeRoom> {
  const listen = room.onMessage.bind(room) as (t: string, cb: () => void) => () => void;
  for (const type of Object.values(SERVER_MSG)) listen(type, () => {});
  await room.waitForInitialState();
  return room;
}

export async function createChallenge(colyseus: TestServer, options: ChallengeJoinOptions): Promise<ChallengeRoom> {
  return hearing(await colyseus.sdk.create(ROOM.challenge, options));
}

export async function joinChallenge(colyseus: TestServer, code: string, options: ChallengeJoinOptions): Promise<ChallengeRoom> {
  return hearing(await colyseus.sdk.joinById(code, options));
}

/** Resolves once `test` holds for the challenge's state, checked at every patch. */
export function until(room: ChallengeRoom, test: (state: View) => boolean, timeoutMs = 10_000): Promise<View> {
  return untilState<View>(room, test, timeoutMs);
}

/** The end result, which may already be on its way when this is called. */
export function resultOf(room: ChallengeRoom, timeoutMs = 10_000): Promise<ChallengeResultPayload> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no challenge result')), timeoutMs);
    const listen = room.onMessage.bind(room) as (t: string, cb: (m: ChallengeResultPayload) => void) => () => void;
    const off = listen(SERVER_MSG.challengeResult, (m) => { clearTimeout(timer); off(); resolve(m); });
  });
}

export function play(room: ChallengeRoom, payload: PlayPayload): Promise<PlayReply> {
  return room.request(CLIENT_MSG.play, payload) as unknown as Promise<PlayReply>;
}

/** My role this round and my endpoint's view. */
export function me(room: ChallengeRoom) {
  const role = room.state.players.get(room.sessionId)!.role;
  return { role, endpoint: room.state.endpoints.get(role) };
}

/**
 * Plays like a student who follows every hint, round after round, until the time is up: a
 * card the server shows is played, then the judged move is awaited before looking again.
 */
export async function followHints(room: ChallengeRoom): Promise<void> {
  for (;;) {
    const state = await until(room, (s) => s.finished || (me(room).endpoint?.hintCards.length ?? 0) > 0);
    if (state.finished) return;
    const { round, moves } = { round: state.round, moves: state.moves.length };
    const card = me(room).endpoint!.hintCards[0] as Card;
    try {
      const reply = await play(room, { card });
      // A stale card crossed an arrival that changed the hint: it costs nothing, look again.
      if (reply.move.verdict !== 'correct' && reply.move.verdict !== 'stale') throw new Error(`hint ${card} judged ${reply.move.verdict}`);
    } catch (e) {
      // The time can run out between the hint and the card.
      if (errorCodeOf(e) === 'challengeOver') return;
      throw e;
    }
    await until(room, (s) => s.finished || s.round !== round || s.moves.length > moves);
  }
}
