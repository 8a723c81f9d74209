/**
 * The server's configuration: one typed object read from the environment at start-up and
 * validated there, so a bad value stops the server with a message naming the variable instead
 * of surfacing later as a strange game.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BotConfig } from '../shared/bots/bot.ts';
import type { Timing } from '../shared/match/settings.ts';
import type { GuardRules } from './guard/matchmakingGuard.ts';

/** What both seated rooms (a pair room, a timed challenge) need from the server; tests shorten these freely. */
export interface SeatedRoomConfig {
  /** How long a dropped player's seat, role and score are kept. */
  readonly reconnectSeconds: number;
  /**
   * How often a room runs its clock's timers and sends what joins and leaves changed. Cards,
   * deliveries and round timers do not wait for it: they go out at once (see rooms/seated/alarm.ts).
   */
  readonly tickMs: number;
  /** Sustained messages per second a player may send, and the burst above it. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** Above this many messages in one second the connection is closed (Colyseus's own guard). */
  readonly disconnectAbovePerSecond: number;
  /** The bot that plays an empty seat, or the seat of a player who left. */
  readonly bot: BotConfig;
  /** The get-ready step before the clock starts (a pair's every round, a challenge's first): role, goal, a count-down. */
  readonly getReadyMs: number;
  /** Test-only: replaces parts of the timing that difficulty and speed give. */
  readonly timing?: Partial<Timing>;
}

/** What a pair room needs from the server. */
export interface PairRoomConfig extends SeatedRoomConfig {
  /** How long a quick-match player waits alone before a bot takes the other seat. */
  readonly quickMatchBotMs: number;
  /** The next round starts by itself after this long, even if someone is not ready. */
  readonly betweenRoundsMs: number;
  /** Test-only: the seed of every round, instead of one derived from the room. */
  readonly seed?: number;
}

/** What a timed-challenge room needs. */
export interface ChallengeRoomConfig extends SeatedRoomConfig {
  /** How long a challenge lasts. */
  readonly durationMs: number;
  /** Test-only: the seed of every free challenge, instead of a random one. */
  readonly freeSeed?: number;
}

/** What a classroom room needs; tests shorten these freely. */
export interface ClassroomConfig {
  /** How long a student has to take their pair-room seat before a bot plays it for the partner. */
  readonly seatWaitMs: number;
  /** Each pair's get-ready step before its round's clock starts; longer than a pair room's, since students must first look up at their phones. */
  readonly getReadyMs: number;
  /** A class nobody is connected to closes after this long; its report stays in the database. */
  readonly idleMs: number;
  /** How long past a round's time limit the class waits for a pair's result before moving on. */
  readonly resultGraceMs: number;
  /** The site's public address for join links and QR codes; by default the request's own. */
  readonly publicUrl: string | undefined;
  readonly reconnectSeconds: number;
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  readonly disconnectAbovePerSecond: number;
  /** Room for seats reserved and not yet taken beyond the class's own, so one address holding them cannot fill it. */
  readonly pendingSeatSlack: number;
  /** Test-only: the seed of pairings and rounds, instead of a random one. */
  readonly seed?: number;
}

/** How long stored data is kept (README, "Security"); the sweep runs every `sweepEveryMs`. */
export interface RetentionConfig {
  /** A class created and never given a round is deleted after this long. */
  readonly abandonedClassMs: number;
  /** Free-play challenge entries older than this leave the all-time board and the database. */
  readonly freePlayMs: number;
  readonly sweepEveryMs: number;
}

/** How this process shares the game with others (README, "Running it for many schools"). */
export interface ClusterConfig {
  /** Presence and matchmaking driver on this Redis; undefined: one process, all in memory. */
  readonly redisUrl: string | undefined;
  /** host:port (and path) by which clients reach this process's WebSocket; undefined: the address they asked. */
  readonly publicAddress: string | undefined;
  /** On SIGTERM, how long running rounds may go on before the process exits anyway. */
  readonly drainMs: number;
  /** Bearer token that GET /metrics requires; undefined: the route is open (keep it off the public proxy). */
  readonly metricsToken: string | undefined;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** The built client (Vite's output); served when it exists. */
  readonly clientDir: string;
  /** The embedded database file, under DATA_DIR; created on first start. Unused with `databaseUrl`. */
  readonly databaseFile: string;
  /** A Postgres database (DATABASE_URL, postgres://…) instead of the file, for several processes sharing one. */
  readonly databaseUrl: string | undefined;
  /** Largest WebSocket frame accepted; larger ones close the connection (code 1009). */
  readonly maxPayloadBytes: number;
  /** Largest HTTP request body accepted (matchmaking's join options); larger ones get 413. */
  readonly maxRequestBytes: number;
  readonly pair: PairRoomConfig;
  readonly challenge: ChallengeRoomConfig;
  readonly classroom: ClassroomConfig;
  /** Per-address limits on matchmaking and code look-ups, and the cap on rooms. */
  readonly guard: GuardRules;
  readonly retention: RetentionConfig;
  readonly cluster: ClusterConfig;
  /** BENCH_BARE_ROOM=1: the bench's bare room is registered too (server/rooms/bench/BareRoom.ts); only `npm run bench` sets it. */
  readonly benchBareRoom: boolean;
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A database URL without a host or a database name would connect somewhere by default: refused. */
function namesHostAndDatabase(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { hostname, pathname } = new URL(url);
  return hostname !== '' && pathname.length > 1;
}

/** Environment variables and their defaults; names are the ones documented in the README. */
const envSchema = z.object({
  PORT: int(1, 65535).default(2567),
  HOST: z.string().min(1).default('0.0.0.0'),
  CLIENT_DIR: z.string().min(1).default(DEFAULT_CLIENT_DIR),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  MAX_PAYLOAD_BYTES: int(256, 1024 * 1024).default(4096),
  MAX_REQUEST_BYTES: int(1024, 1024 * 1024).default(16 * 1024),
  QUICK_MATCH_BOT_MS: int(0, 600_000).default(5000),
  RECONNECT_SECONDS: int(1, 3600).default(30),
  BETWEEN_ROUNDS_MS: int(1000, 3_600_000).default(60_000),
  TICK_MS: int(10, 1000).default(250),
  MESSAGES_PER_SECOND: int(1, 1000).default(8),
  MESSAGE_BURST: int(1, 10_000).default(16),
  DISCONNECT_ABOVE_PER_SECOND: int(10, 100_000).default(2000),
  BOT_REACTION_MS: int(0, 60_000).default(1200),
  BOT_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.05),
  CHALLENGE_DURATION_MS: int(10_000, 3_600_000).default(120_000),
  GET_READY_MS: int(0, 30_000).default(3000),
  // Under Colyseus's 15 s seat reservation, so a late student still finds their seat.
  CLASS_SEAT_WAIT_MS: int(500, 14_000).default(12_000),
  CLASS_IDLE_MINUTES: int(1, 24 * 60).default(30),
  TRUST_PROXY: z.enum(['0', '1', 'false', 'true']).default('0').transform((v) => v === '1' || v === 'true'),
  MATCHMAKE_PER_MINUTE: int(1, 1_000_000).default(600),
  FAILED_JOINS_BURST: int(1, 1_000_000).default(100),
  FAILED_JOINS_PER_MINUTE: int(1, 1_000_000).default(10),
  ROOMS_PER_ADDRESS: int(1, 1_000_000).default(250),
  MAX_ROOMS: int(1, 1_000_000).default(2500),
  PENDING_SEATS_PER_ADDRESS: int(1, 1_000_000).default(250),
  SEAT_RESERVATION_SECONDS: int(1, 60).default(8),
  ABANDONED_CLASS_HOURS: int(1, 24 * 365).default(24),
  FREE_PLAY_DAYS: int(1, 3650).default(90),
  // postgres://user:password@host:port/database, as libpq and node-postgres read it.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL (postgres://user:password@host:5432/database)' })
    .refine(namesHostAndDatabase, 'must name a host and a database (postgres://user:password@host:5432/database)')
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // What Colyseus puts in a seat reservation: the SDK connects to ws(s)://PUBLIC_ADDRESS/processId/roomId.
  PUBLIC_ADDRESS: z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*$/, 'host:port, optionally a path, without a scheme').optional(),
  DRAIN_SECONDS: int(0, 3600).default(30),
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  BENCH_BARE_ROOM: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
});

/** A seat reserved and never taken costs as many failed joins as this: holding a friend's seat must not be cheap. */
export const UNUSED_SEAT_COST = 10;

/** A class's get-ready step lasts at least this long: thirty students must look up at their phones. */
export const CLASS_GET_READY_MIN_MS = 5000;

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable (`PORT=`) means "not set", as in most shells' intent.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // A pair room and a challenge read these alike.
  const seated: SeatedRoomConfig = {
    reconnectSeconds: e.RECONNECT_SECONDS,
    tickMs: e.TICK_MS,
    messagesPerSecond: e.MESSAGES_PER_SECOND,
    messageBurst: e.MESSAGE_BURST,
    disconnectAbovePerSecond: e.DISCONNECT_ABOVE_PER_SECOND,
    bot: { reactionMs: e.BOT_REACTION_MS, errorRate: e.BOT_ERROR_RATE },
    getReadyMs: e.GET_READY_MS,
  };
  return {
    port: e.PORT,
    host: e.HOST,
    clientDir: e.CLIENT_DIR,
    databaseFile: join(e.DATA_DIR, 'tango.sqlite'),
    databaseUrl: e.DATABASE_URL,
    maxPayloadBytes: e.MAX_PAYLOAD_BYTES,
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    pair: { ...seated, quickMatchBotMs: e.QUICK_MATCH_BOT_MS, betweenRoundsMs: e.BETWEEN_ROUNDS_MS },
    classroom: {
      seatWaitMs: e.CLASS_SEAT_WAIT_MS,
      getReadyMs: Math.max(e.GET_READY_MS, CLASS_GET_READY_MIN_MS),
      idleMs: e.CLASS_IDLE_MINUTES * 60_000,
      resultGraceMs: 10_000,
      publicUrl: e.PUBLIC_URL,
      reconnectSeconds: e.RECONNECT_SECONDS,
      messagesPerSecond: e.MESSAGES_PER_SECOND,
      messageBurst: e.MESSAGE_BURST,
      disconnectAbovePerSecond: e.DISCONNECT_ABOVE_PER_SECOND,
      pendingSeatSlack: e.PENDING_SEATS_PER_ADDRESS,
    },
    challenge: { ...seated, durationMs: e.CHALLENGE_DURATION_MS },
    guard: {
      trustProxy: e.TRUST_PROXY,
      matchmakePerMinute: e.MATCHMAKE_PER_MINUTE,
      failureBurst: e.FAILED_JOINS_BURST,
      failuresPerMinute: e.FAILED_JOINS_PER_MINUTE,
      unusedSeatCost: UNUSED_SEAT_COST,
      roomsPerAddress: e.ROOMS_PER_ADDRESS,
      roomsInAll: e.MAX_ROOMS,
      pendingSeatsPerAddress: e.PENDING_SEATS_PER_ADDRESS,
      seatReservationMs: e.SEAT_RESERVATION_SECONDS * 1000,
    },
    retention: {
      abandonedClassMs: e.ABANDONED_CLASS_HOURS * 3_600_000,
      freePlayMs: e.FREE_PLAY_DAYS * 86_400_000,
      sweepEveryMs: 3_600_000,
    },
    cluster: {
      redisUrl: e.REDIS_URL,
      publicAddress: e.PUBLIC_ADDRESS,
      drainMs: e.DRAIN_SECONDS * 1000,
      metricsToken: e.METRICS_TOKEN,
    },
    benchBareRoom: e.BENCH_BARE_ROOM,
  };
}
