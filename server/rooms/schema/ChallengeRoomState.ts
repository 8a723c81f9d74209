/**
 * The synchronised state of a challenge room (@colyseus/schema): the round on screen, under the
 * same names and with the same parts as a pair room's (so the client's match screen and the
 * projection serve both), plus the challenge around it. Field meanings are those of
 * `ChallengeRoomView` in shared/challengeProtocol.ts; the checks at the bottom keep them in step.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';
import type { ChallengeSeats } from '../../../shared/challenge/run.ts';
import type { Difficulty, Speed } from '../../../shared/match/settings.ts';
import type { RoundStatus } from '../../../shared/match/types.ts';
import type { ChallengeKind, ChallengeRoomView, PairPhase } from '../../../shared/protocol.ts';
import type { ScenarioId } from '../../../shared/scenarios/scenario.ts';
import { EndpointState, PlayerState } from './PairRoomState.ts';
import type { Check, Exactly, Fields, Fits, Primitive } from './schemaAgreement.ts';

export const ChallengeRoomState = schema({
  // The round, as in PairRoomState.
  code: t.string().default(''),
  phase: t.string<PairPhase>().default('waiting'),
  difficulty: t.string<Difficulty>(),
  speed: t.string<Speed>(),
  lossRate: t.number().default(0),
  // A long challenge can pass 255 rounds, which a pair room's uint8 could not count.
  round: t.uint16().default(0),
  scenarioId: t.string<ScenarioId | ''>().default(''),
  roundStatus: t.string<RoundStatus>().default('playing'),
  serverTime: t.number().default(0),
  roundStartedAt: t.number().default(-1),
  roundClockStartsAt: t.number().default(-1),
  roundEndsAt: t.number().default(-1),
  latencyMs: t.number().default(0),
  seatKeptSeconds: t.uint16().default(0),
  players: t.map(PlayerState),
  endpoints: t.map(EndpointState),
  // One string per record, as in PairRoomState.
  segments: t.array('string'),
  moves: t.array('string'),
  stateLog: t.array('string'),
  // The challenge.
  kind: t.string<ChallengeKind>(),
  seats: t.string<ChallengeSeats>(),
  day: t.string(),
  startedAt: t.number().default(-1),
  endsAt: t.number().default(-1),
  points: t.number().default(0),
  roundsWon: t.uint16().default(0),
  correct: t.uint16().default(0),
  judged: t.uint16().default(0),
  streak: t.uint16().default(0),
  bestStreak: t.uint16().default(0),
  humanRoles: t.array('string'),
  finished: t.boolean().default(false),
}, 'ChallengeRoomState');
export type ChallengeRoomState = SchemaType<typeof ChallengeRoomState>;

type Collections = 'players' | 'endpoints' | 'segments' | 'moves' | 'stateLog' | 'humanRoles';

export type ChallengeSchemaAgreesWithProtocol = [
  Check<Exactly<Pick<Fields<ChallengeRoomState>, keyof ChallengeRoomView>, ChallengeRoomView>>,
  Check<Exactly<Primitive<Fields<ChallengeRoomState>>, Omit<ChallengeRoomView, Collections>>>,
  Check<Fits<Omit<Primitive<Fields<ChallengeRoomState>>, Collections>, Omit<ChallengeRoomView, Collections>>>,
];
