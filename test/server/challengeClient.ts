/**
 * Helpers for timed-challenge tests: a short challenge on a fast network, real SDK clients that
 * join it, and a player who follows every hint until the time is up.
 */
import { randomUUID } from 'node:crypto';
import type { Room } from '@colyseus/sdk';
import type { Config, ChallengeRoomConfig } from '../../server/config.ts';
import type { ChallengeRoom as ChallengeRoomOnServer } from '../../server/rooms/challenge/ChallengeRoom.ts';
import {
  ROOM, SERVER_MSG, type ChallengeJoinOptions, type ChallengeResultPayload,
} from '../../shared/protocol.ts';
import { FAST, followHints as followHintsIn, hearing, me, play, testConfig, until, type TestServer } from './gameServer.ts';

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

/** A player id as a browser would keep it in localStorage. */
export const newPlayerId = (): string => randomUUID();

export async function createChallenge(colyseus: TestServer, options: ChallengeJoinOptions): Promise<ChallengeRoom> {
  return hearing(await colyseus.sdk.create(ROOM.challenge, options) as ChallengeRoom);
}

export async function joinChallenge(colyseus: TestServer, code: string, options: ChallengeJoinOptions): Promise<ChallengeRoom> {
  return hearing(await colyseus.sdk.joinById(code, options) as ChallengeRoom);
}

/** The end result, which may already be on its way when this is called. */
export function resultOf(room: ChallengeRoom, timeoutMs = 10_000): Promise<ChallengeResultPayload> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no challenge result')), timeoutMs);
    const listen = room.onMessage.bind(room) as (t: string, cb: (m: ChallengeResultPayload) => void) => () => void;
    const off = listen(SERVER_MSG.challengeResult, (m) => { clearTimeout(timer); off(); resolve(m); });
  });
}

/** Plays like a student who follows every hint, round after round, until the time is up. */
export function followHints(room: ChallengeRoom): Promise<void> {
  return followHintsIn(room, 'challenge');
}

// One set of room helpers: these are the pair rooms' own, which work in a challenge as well.
export { me, play, until };
