/**
 * The synchronised state of a pair room (@colyseus/schema). Field names and meanings are those
 * of `PairRoomView` and its parts in shared/protocol.ts, which is what clients read; the
 * compile-time checks at the bottom keep the two in step. Times are milliseconds on the room's
 * clock, -1 when a timer is not running.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';
import type { Card, Role } from '../../../shared/match/cards.ts';
import type { Difficulty, Speed } from '../../../shared/match/settings.ts';
import type { RoundStatus, Skill } from '../../../shared/match/types.ts';
import type {
  EndpointView, PairPhase, PairRoomMode, PairRoomView, PlayerView,
} from '../../../shared/protocol.ts';
import type { ScenarioId } from '../../../shared/scenarios/scenario.ts';
import type { TcpState } from '../../../shared/tcp/states.ts';

export const PlayerState = schema({
  sessionId: t.string(),
  nickname: t.string(),
  role: t.string<Role>(),
  connected: t.boolean().default(true),
  isBot: t.boolean().default(false),
  total: t.number().default(0),
  ready: t.boolean().default(false),
}, 'PlayerState');
export type PlayerState = SchemaType<typeof PlayerState>;

/**
 * An endpoint's fields, with `ownDeadlineAt` given: tagged `.view()` only in a class's pairs.
 * Colyseus filters a room's patches per client (and copies its client list at every patch tick)
 * as soon as any type its state reaches has a view-tagged field, so the tag lives in a type of
 * its own that only a class's pair state reaches; plain pairs and challenges share none of that cost.
 */
function endpointFields<D>(ownDeadlineAt: D) {
  return {
    role: t.string<Role>(),
    state: t.string<TcpState>(),
    iss: t.number().default(0),
    sndUna: t.number().default(0),
    sndNxt: t.number().default(0),
    rcvNxt: t.number().default(0),
    rtoAt: t.number().default(-1),
    timeWaitAt: t.number().default(-1),
    /** Outside a class's pairs: when the expected move must be made by (-1 in a class's pairs). */
    deadlineAt: t.number().default(-1),
    /**
     * In a class's pairs: the same, its player's only (ownDeadlines.ts), since a longer or missing
     * one would tell the partner of a teacher's extra time (-1 elsewhere).
     */
    ownDeadlineAt,
    moveDue: t.boolean().default(false),
    hintAt: t.number().default(-1),
    mustRetransmit: t.string<Card | ''>().default(''),
    /** The cards separated by a space (shared/stateRecords.ts, `hintCardsText`); the client reads them as a list. */
    hintCards: t.string().default(''),
    hintKey: t.string().default(''),
    skill: t.string<Skill | ''>().default(''),
    points: t.number().default(0),
    streak: t.number().default(0),
    bestStreak: t.number().default(0),
    correct: t.number().default(0),
    mistakes: t.number().default(0),
  };
}

export const EndpointState = schema(endpointFields(t.number().default(-1)), 'EndpointState');
export type EndpointState = SchemaType<typeof EndpointState>;

/** A class's pair's endpoint: each player receives `ownDeadlineAt` for their own endpoint only. */
export const OwnDeadlineEndpointState = schema(endpointFields(t.number().default(-1).view()), 'OwnDeadlineEndpointState');

/** A pair room's fields, with its endpoints' type. */
function pairRoomFields<E extends typeof EndpointState | typeof OwnDeadlineEndpointState>(Endpoint: E) {
  return {
    code: t.string().default(''),
    mode: t.string<PairRoomMode>(),
    phase: t.string<PairPhase>().default('waiting'),
    difficulty: t.string<Difficulty>(),
    speed: t.string<Speed>(),
    lossRate: t.number().default(0),
    round: t.uint8().default(0),
    rounds: t.uint8().default(1),
    classRound: t.uint8().default(0),
    classRounds: t.uint8().default(0),
    scenarioId: t.string<ScenarioId | ''>().default(''),
    roundStatus: t.string<RoundStatus>().default('playing'),
    serverTime: t.number().default(0),
    roundStartedAt: t.number().default(-1),
    roundClockStartsAt: t.number().default(-1),
    roundEndsAt: t.number().default(-1),
    latencyMs: t.number().default(0),
    seatKeptSeconds: t.uint16().default(0),
    paused: t.boolean().default(false),
    players: t.map(PlayerState),
    endpoints: t.map(Endpoint),
    // One string per record (shared/stateRecords.ts): a schema object each cost a room about
    // 1.5 KB per move kept for the round.
    segments: t.array('string'),
    moves: t.array('string'),
    stateLog: t.array('string'),
    recordId: t.string().default(''),
  };
}

export const PairRoomState = schema(pairRoomFields(EndpointState), 'PairRoomState');
export type PairRoomState = SchemaType<typeof PairRoomState>;

/** A class's pair room: the same fields, its endpoints with each player's own deadline (ownDeadlines.ts). */
export const ClassPairRoomState = schema(pairRoomFields(OwnDeadlineEndpointState), 'ClassPairRoomState');
export type ClassPairRoomState = SchemaType<typeof ClassPairRoomState>;

/*
 * Compile-time agreement with protocol.ts: every field a client reads exists here with the
 * same type, and nothing is synchronised that the protocol does not declare.
 */
// isTrackingPaused is Schema's own bookkeeping, not a synchronised field.
type Fields<S> = { [K in Exclude<keyof S, 'isTrackingPaused'> as S[K] extends (...args: never[]) => unknown ? never : K]: S[K] };
type Primitive<V> = { [K in keyof V as V[K] extends string | number | boolean ? K : never]: V[K] };
type Exactly<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Fits<A, B> = A extends B ? true : false;
type Check<T extends true> = T;
type Collections = 'players' | 'endpoints' | 'segments' | 'moves' | 'stateLog';

export type SchemaAgreesWithProtocol = [
  Check<Exactly<Primitive<Fields<PlayerState>>, PlayerView>>,
  Check<Fits<Primitive<Fields<PlayerState>>, PlayerView>>,
  Check<Exactly<Pick<Fields<EndpointState>, keyof EndpointView>, EndpointView>>,
  Check<Exactly<Primitive<Fields<EndpointState>>, EndpointView>>,
  Check<Fits<Omit<Primitive<Fields<EndpointState>>, 'hintCards'>, Omit<EndpointView, 'hintCards'>>>,
  // Hint cards travel as one string, the client's view has them as a list.
  Check<Fits<EndpointState['hintCards'], string>>,
  Check<Exactly<Pick<Fields<PairRoomState>, keyof PairRoomView>, PairRoomView>>,
  Check<Fits<Omit<Primitive<Fields<PairRoomState>>, Collections>, Omit<PairRoomView, Collections>>>,
  // A class's pair room is a pair room to everything that reads or writes one.
  Check<Fits<ClassPairRoomState, PairRoomState>>,
  Check<Fits<SchemaType<typeof OwnDeadlineEndpointState>, EndpointState>>,
];
