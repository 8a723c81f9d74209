import { peerOf, type Role } from '../match/cards.ts';
import { seedFrom } from '../random.ts';
import type { ScenarioId } from '../scenarios/scenario.ts';

/** Settings of a timed challenge. */
export const CHALLENGE = {
  durationMs: 120_000,
  /** Rounds per level; each level adds random loss. */
  roundsPerLevel: 3,
  lossPerLevel: 0.05,
  maxLoss: 0.2,
} as const;

/**
 * The order in which challenge rounds come: short scenarios first, the long and tricky ones
 * later. The sequence repeats when a fast player runs through it.
 */
const ORDER: readonly ScenarioId[] = [
  'handshake', 'client-close', 'server-close', 'lost-syn', 'three-segment-close', 'connection-refused',
  'lost-handshake-ack', 'simultaneous-close', 'lost-syn-ack', 'lost-last-ack', 'simultaneous-open',
  'old-duplicate-syn', 'whole-life',
];

/** One round of a challenge: what is played, by whom, with how much loss. */
export interface ChallengeRound {
  readonly index: number;
  readonly scenarioId: ScenarioId;
  /** The role the player (or the first of a pair) takes; the other seat is the bot or the partner. */
  readonly role: Role;
  readonly lossRate: number;
  readonly seed: number;
}

/** The `index`-th round of the challenge with `seed`: scenarios follow one another, roles alternate, loss rises by level. */
export function challengeRound(seed: number, index: number): ChallengeRound {
  const level = Math.floor(index / CHALLENGE.roundsPerLevel);
  return {
    index,
    scenarioId: ORDER[index % ORDER.length] as ScenarioId,
    role: index % 2 === 0 ? 'client' : 'server',
    lossRate: Math.min(CHALLENGE.maxLoss, level * CHALLENGE.lossPerLevel),
    seed: seedFrom(`${seed}:round:${index}`),
  };
}

/** The role a seat plays in round `index`: the plan's role for the seat that started as client, the other end for the other seat. */
export function seatRoleIn(seed: number, index: number, firstRole: Role): Role {
  const planned = challengeRound(seed, index).role;
  return firstRole === 'client' ? planned : peerOf(planned);
}

/** The day of a daily challenge, as YYYY-MM-DD in UTC, so everyone on earth shares one seed a day. */
export function challengeDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The seed everyone gets for the daily challenge of `day` (YYYY-MM-DD). */
export function dailySeed(day: string): number {
  return seedFrom(`tcp-tango:daily:${day}`);
}
