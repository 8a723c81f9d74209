/**
 * Schemas (zod) for everything a client sends: join options and message payloads. The server
 * checks with them; the client may use them to check a form before sending. They are the one
 * declaration of these shapes: protocol.ts types each payload from its schema (`z.input`).
 */
import { z } from 'zod';
import { CARDS, ROLES } from './match/cards.ts';
import { DIFFICULTIES, MAX_LOSS_RATE, SPEEDS } from './match/settings.ts';
import { TIME_ALLOWANCES } from './match/timeAllowance.ts';
import { RANKINGS } from './classroom/standings.ts';
import { LOCALES } from './i18n/messages.ts';
import { SCENARIO_IDS } from './scenarios/scenario.ts';
import { isRoomCode, LIMITS, PAIR_MODES, RECORD_ID_LENGTH, typedRoomCode } from './protocol.ts';
import { BOARDS, CHALLENGE_KINDS, CHALLENGE_SEATS, PLAYER_ID } from './challengeProtocol.ts';
import { CLASS_LIMITS } from './classroomProtocol.ts';
import { PAST_CLASSES_MAX } from './classAgainProtocol.ts';

/** Sequence numbers are 32-bit unsigned (RFC 9293 §3.4). */
const seqNumber = z.number().int().min(0).max(0xffff_ffff);

/**
 * Characters a name must not carry: controls break the projector's layout and the CSV report;
 * format characters (bidi overrides and isolates, zero-width spaces, word joiners) reverse or hide
 * a name on a roster, except the zero-width joiner inside emoji sequences; Hangul fillers are
 * blank letters.
 */
const INVISIBLE = /[\p{Cc}\u115F\u1160\u3164\uFFA0]|(?!\u200D)\p{Cf}/u;
/** At least one character a person sees: a letter, digit, mark, punctuation or symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export const nicknameSchema = z
  .string()
  // One spelling of each letter (composed), so two names that look the same are the same.
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(LIMITS.nicknameMin).max(LIMITS.nicknameMax).refine((s) => !INVISIBLE.test(s) && VISIBLE.test(s)));

export const pairJoinOptionsSchema = z
  .strictObject({
    nickname: nicknameSchema,
    mode: z.enum(PAIR_MODES),
    difficulty: z.enum(DIFFICULTIES).optional(),
    speed: z.enum(SPEEDS).optional(),
    lossRate: z.number().min(0).max(MAX_LOSS_RATE).optional(),
    /** Scenarios in order; defaults to the whole catalogue's first rounds. */
    playlist: z.array(z.enum(SCENARIO_IDS)).min(1).max(LIMITS.playlistMax).readonly().optional(),
    rounds: z.number().int().min(1).max(LIMITS.roundsMax).optional(),
    locale: z.enum(LOCALES).optional(),
    /**
     * Send me every judged move as a `moveJudged` message. Off by default: the moves are in the
     * state too, and a client that reads them there should not cost the server a write per card.
     */
    moveJudged: z.boolean().optional(),
  })
  .readonly();

export const playPayloadSchema = z
  .strictObject({
    card: z.enum(CARDS),
    seq: seqNumber.optional(),
    ack: seqNumber.optional(),
    role: z.enum(ROLES).optional(),
  })
  .readonly();

/** `ready` carries nothing; an empty object is accepted for clients that always send one. */
export const readyPayloadSchema = z.union([z.undefined(), z.null(), z.strictObject({})]);

/**
 * A room code as people type it: case, spaces and dashes do not matter ("ab3 k7" is "AB3K7").
 * Letters that are not in the code alphabet make it invalid rather than being guessed at.
 */
export const roomCodeSchema = z
  .string()
  .transform(typedRoomCode)
  .refine(isRoomCode, 'not a room code');

// ---- timed challenge --------------------------------------------------------------------------

export const playerIdSchema = z.string().min(PLAYER_ID.min).max(PLAYER_ID.max).regex(new RegExp(PLAYER_ID.pattern));

/** What a challenge's creator chooses; a partner joining by code sends only nickname and playerId. */
export const challengeJoinOptionsSchema = z
  .strictObject({
    nickname: nicknameSchema,
    playerId: playerIdSchema,
    kind: z.enum(CHALLENGE_KINDS).default('daily'),
    seats: z.enum(CHALLENGE_SEATS).default('solo'),
    difficulty: z.enum(DIFFICULTIES).default('flags'),
    speed: z.enum(SPEEDS).default('normal'),
    locale: z.enum(LOCALES).optional(),
    /** Send me every judged move as a `moveJudged` message, as in a pair room. */
    moveJudged: z.boolean().optional(),
  })
  .readonly();

/** A UTC day as YYYY-MM-DD that is a real date (no 2026-02-30). */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d));

/** The query string of the leaderboard route; unknown parameters are refused, as in messages. */
export const leaderboardQuerySchema = z
  .strictObject({
    board: z.enum(BOARDS),
    day: daySchema.optional(),
    difficulty: z.enum(DIFFICULTIES).optional(),
    seats: z.enum(CHALLENGE_SEATS).default('solo'),
    player: playerIdSchema.optional(),
  })
  .readonly();

// ---- classroom ----------------------------------------------------------------------------------

const classSettingsShape = {
  /** Scenarios in order; a playlist shorter than `rounds` starts over. */
  playlist: z.array(z.enum(SCENARIO_IDS)).min(1).max(LIMITS.playlistMax).readonly(),
  rounds: z.number().int().min(1).max(LIMITS.roundsMax),
  difficulty: z.enum(DIFFICULTIES),
  speed: z.enum(SPEEDS),
  /** Random loss of any segment, 0 to 0.3. */
  lossRate: z.number().min(0).max(MAX_LOSS_RATE),
  /** The longest a round lasts, in seconds; 0 keeps the scenario's own time limit. */
  roundSeconds: z.union([z.literal(0), z.number().int().min(CLASS_LIMITS.roundSecondsMin).max(CLASS_LIMITS.roundSecondsMax)]),
  /** What the leaderboard ranks by: points, or accuracy first. */
  rankBy: z.enum(RANKINGS),
};

/** A class's whole settings (ClassSettings is typed from it). */
export const classSettingsSchema = z.strictObject(classSettingsShape).readonly();

/** What the teacher changes: any of the settings, the rest stay as they are. */
export const classSettingsPatchSchema = z.strictObject(classSettingsShape).partial().readonly();

/** The teacher's secret and a student's token: random base64url, never typed by people. */
export const classSecretSchema = z.string().min(CLASS_LIMITS.secretMin).max(CLASS_LIMITS.secretMax).regex(/^[A-Za-z0-9_-]+$/);

/** The teacher's secrets header of the past-classes route: 1 to PAST_CLASSES_MAX secrets, comma-separated. */
export const teacherSecretsHeaderSchema = z.string().max(PAST_CLASSES_MAX * (CLASS_LIMITS.secretMax + 1))
  .transform((h) => h.split(',').map((s) => s.trim()))
  .pipe(z.array(classSecretSchema).min(1).max(PAST_CLASSES_MAX));

export const classroomCreateOptionsSchema = z
  .strictObject({
    teacher: z.literal(true), locale: z.enum(LOCALES).optional(), settings: classSettingsPatchSchema.optional(),
    /** Run this earlier class again: its settings (changed by `settings`) and its students' names. */
    again: z.strictObject({ code: roomCodeSchema, secret: classSecretSchema }).optional(),
  })
  .readonly();

export const teacherJoinOptionsSchema = z
  .strictObject({ teacher: z.literal(true), secret: classSecretSchema })
  .readonly();

export const studentJoinOptionsSchema = z
  .strictObject({ nickname: nicknameSchema, token: classSecretSchema.optional() })
  .readonly();

export const lockPayloadSchema = z.strictObject({ locked: z.boolean() }).readonly();

export const kickPayloadSchema = z
  .strictObject({ studentId: z.string().min(1).max(CLASS_LIMITS.studentIdMax) })
  .readonly();

/** Extra time or no deadline for one student, from the next round on (timeAllowance.ts). */
export const timeAllowancePayloadSchema = z
  .strictObject({ studentId: z.string().min(1).max(CLASS_LIMITS.studentIdMax), allowance: z.enum(TIME_ALLOWANCES) })
  .readonly();
/** A pair room's code, as roomCodes.ts makes them. */
export const watchPairPayloadSchema = z.strictObject({ pairCode: z.string().max(LIMITS.roomCodeLength).refine(isRoomCode, 'not a room code') }).readonly();

/** Teacher commands without a payload accept nothing, or an empty object. */
export const noPayloadSchema = readyPayloadSchema;

/** A round record's id in a path, as `RoundRecordStore` makes them. */
export const recordIdSchema = z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${RECORD_ID_LENGTH}}$`));

/** Query of the capture download: the language of the frame comments. */
export const captureQuerySchema = z.strictObject({ locale: z.enum(LOCALES).optional() });
