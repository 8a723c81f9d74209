/**
 * A finished round over HTTP: `GET /api/rounds/:id` (its record, for the replay page) and
 * `GET /api/rounds/:id/capture.pcapng` (a capture file for Wireshark). A solo, pair or challenge
 * round is read by whoever has its link; a class's round only with the class's teacher secret
 * (`X-Teacher-Secret`) or the token of a student who played it (`X-Student-Token`), in headers,
 * never in the URL. Both routes share one rate limit per address: ids are unguessable, and the
 * limit keeps anyone from trying many.
 */
import type { Application, Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { roundCapture } from '../../shared/capture/roundCapture.ts';
import {
  STUDENT_TOKEN_HEADER, TEACHER_SECRET_HEADER, type ErrorCode, type ErrorPayload, type RoundRecordPayload,
} from '../../shared/protocol.ts';
import { captureQuerySchema, classSecretSchema, recordIdSchema } from '../../shared/validation.ts';
import { secretMatches } from '../rooms/classroom/classAuth.ts';
import type { StoredRound } from '../storage/roundRecords.ts';
import type { Stores } from '../storage/stores.ts';

/** Requests per address per minute to either route; a replay page makes one, a download one. */
export const ROUND_REQUESTS_PER_MINUTE = 60;

function fail(res: Response, status: number, code: ErrorCode): undefined {
  res.status(status).set('Cache-Control', 'no-store').json({ code } satisfies ErrorPayload);
  return undefined;
}

/** Whether the request may read a class's round: the class's teacher, or a student who played it. */
async function mayReadClassRound(req: Request, round: StoredRound & { classCode: string }, stores: Stores): Promise<boolean> {
  const secret = classSecretSchema.safeParse(req.get(TEACHER_SECRET_HEADER));
  const klass = await stores.classes.get(round.classCode);
  if (secret.success && klass && secretMatches(secret.data, klass.secretHash)) return true;
  const token = classSecretSchema.safeParse(req.get(STUDENT_TOKEN_HEADER));
  if (!token.success) return false;
  return (await stores.classes.students(round.classCode))
    .some((s) => round.studentIds.includes(s.id) && secretMatches(token.data, s.tokenHash));
}

/** The round named in the path, if the request may read it; else the answer is sent. */
async function roundFor(req: Request, res: Response, stores: Stores): Promise<StoredRound | undefined> {
  const id = recordIdSchema.safeParse(req.params['id']);
  if (!id.success) return fail(res, 400, 'roundRecordNotFound');
  const round = await stores.rounds.get(id.data);
  if (!round) return fail(res, 404, 'roundRecordNotFound');
  if (round.classCode !== null && !(await mayReadClassRound(req, { ...round, classCode: round.classCode }, stores))) {
    return fail(res, 401, 'notYourRound');
  }
  return round;
}

export function serveRoundRecords(app: Application, stores: Stores): void {
  const limit = rateLimit({
    windowMs: 60_000, limit: ROUND_REQUESTS_PER_MINUTE, standardHeaders: 'draft-8', legacyHeaders: false,
    handler: (_req, res) => void fail(res, 429, 'rateLimited'),
  });

  app.get('/api/rounds/:id', limit, async (req, res) => {
    const round = await roundFor(req, res, stores);
    if (!round) return;
    const payload: RoundRecordPayload = { id: round.id, mode: round.mode, roundNo: round.roundNo, record: round.record };
    res.set('Cache-Control', 'private, no-store').json(payload);
  });

  app.get('/api/rounds/:id/capture.pcapng', limit, async (req, res) => {
    const query = captureQuerySchema.safeParse(req.query);
    if (!query.success) return void fail(res, 400, 'badOptions');
    const round = await roundFor(req, res, stores);
    if (!round) return;
    const file = roundCapture(round.record, query.data.locale ?? 'en');
    res.set({
      'Content-Type': 'application/x-pcapng',
      'Content-Disposition': `attachment; filename="tcp-tango-${round.record.scenarioId}-${round.id}.pcapng"`,
      'Cache-Control': 'private, no-store',
    }).send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  });
}
