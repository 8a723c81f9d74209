/**
 * Schemas (zod) for everything a client sends: join options and message payloads. The server
 * hands them to Colyseus's built-in Standard Schema validation; the client may use them to
 * check a form before sending. Each is tied to its interface in protocol.ts with `satisfies`,
 * so the two cannot drift apart.
 */
import { z } from 'zod';
import { CARDS, ROLES } from './match/cards.ts';
import { DIFFICULTIES, MAX_LOSS_RATE, SPEEDS } from './match/settings.ts';
import { LOCALES } from './i18n/messages.ts';
import { SCENARIO_IDS } from './scenarios/scenario.ts';
import { CODE_ALPHABET, LIMITS, PAIR_MODES, type PairJoinOptions, type PlayPayload } from './protocol.ts';

/** Sequence numbers are 32-bit unsigned (RFC 9293 §3.4). */
const seqNumber = z.number().int().min(0).max(0xffff_ffff);

export const nicknameSchema = z
  .string()
  .trim()
  .min(LIMITS.nicknameMin)
  .max(LIMITS.nicknameMax)
  // Control characters would break the projector's layout and the CSV report.
  .regex(/^[^\p{Cc}]*$/u);

export const pairJoinOptionsSchema = z
  .strictObject({
    nickname: nicknameSchema,
    mode: z.enum(PAIR_MODES),
    difficulty: z.enum(DIFFICULTIES).optional(),
    speed: z.enum(SPEEDS).optional(),
    lossRate: z.number().min(0).max(MAX_LOSS_RATE).optional(),
    playlist: z.array(z.enum(SCENARIO_IDS)).min(1).max(LIMITS.playlistMax).readonly().optional(),
    rounds: z.number().int().min(1).max(LIMITS.roundsMax).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .readonly() satisfies z.ZodType<PairJoinOptions>;

export const playPayloadSchema = z
  .strictObject({
    card: z.enum(CARDS),
    seq: seqNumber.optional(),
    ack: seqNumber.optional(),
    role: z.enum(ROLES).optional(),
  })
  .readonly() satisfies z.ZodType<PlayPayload>;

/** `ready` carries nothing; an empty object is accepted for clients that always send one. */
export const readyPayloadSchema = z.union([z.undefined(), z.null(), z.strictObject({})]);

/**
 * A room code as people type it: case, spaces and dashes do not matter ("ab3 k7" is "AB3K7").
 * Letters that are not in the code alphabet make it invalid rather than being guessed at.
 */
export const roomCodeSchema = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().length(LIMITS.roomCodeLength).regex(new RegExp(`^[${CODE_ALPHABET}]+$`)));
