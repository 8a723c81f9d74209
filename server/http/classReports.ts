/**
 * A class's report for its teacher: `GET /api/classes/:code/report` (JSON) and
 * `GET /api/classes/:code/report.csv` (a download). Read from the database alone, so it
 * survives a restart. The teacher's secret comes in the `X-Teacher-Secret` header, never in
 * the URL, where it would end up in logs, history and Referer headers. Without the right secret
 * a code that names no class gets the same answer as a live one (401), so the route says
 * nothing about which codes exist; each such answer counts as a failed look-up for the address.
 */
import type { Application, Request, Response } from 'express';
import { z } from 'zod';
import { LOCALES } from '../../shared/i18n/messages.ts';
import { TEACHER_SECRET_HEADER, type ErrorCode, type ErrorPayload } from '../../shared/protocol.ts';
import { classSecretSchema, roomCodeSchema } from '../../shared/validation.ts';
import { buildClassReport } from '../reports/classReport.ts';
import { classReportCsv } from '../reports/classReportCsv.ts';
import { secretMatches } from '../rooms/classroom/classAuth.ts';
import type { AddressLimits } from '../guard/addressLimits.ts';
import { addressOf } from '../guard/matchmakingGuard.ts';
import type { ClassRecord } from '../storage/classes.ts';
import type { Stores } from '../storage/stores.ts';

const csvQuerySchema = z.strictObject({ locale: z.enum(LOCALES).optional() });

function fail(res: Response, status: number, code: ErrorCode): undefined {
  res.status(status).set('Cache-Control', 'no-store').json({ code } satisfies ErrorPayload);
  return undefined;
}

/** The class named in the path, if the request carries its teacher's secret; else the answer is sent. */
export async function classOfTeacher(req: Request, res: Response, stores: Stores, limits: AddressLimits): Promise<ClassRecord | undefined> {
  const code = roomCodeSchema.safeParse(req.params['code']);
  if (!code.success) return fail(res, 400, 'classNotFound');
  const klass = await stores.classes.get(code.data);
  const secret = classSecretSchema.safeParse(req.get(TEACHER_SECRET_HEADER));
  // The teacher is never held back by guessers sharing the school's address.
  if (klass && secret.success && secretMatches(secret.data, klass.secretHash)) return klass;
  const address = addressOf(req);
  if (!limits.mayLookUp(address, Date.now())) return fail(res, 429, 'tooManyAttempts');
  limits.failed(address, Date.now());
  return fail(res, 401, 'badTeacherSecret');
}

export function serveClassReports(app: Application, stores: Stores, limits: AddressLimits): void {
  const reportOf = async (klass: ClassRecord) => buildClassReport(
    klass, await stores.classes.students(klass.code), await stores.classes.rounds(klass.code), await stores.results.forRoom(klass.code),
    await stores.rounds.ofClass(klass.code),
  );

  app.get('/api/classes/:code/report', async (req, res) => {
    const klass = await classOfTeacher(req, res, stores, limits);
    if (klass) res.set('Cache-Control', 'no-store').json(await reportOf(klass));
  });

  app.get('/api/classes/:code/report.csv', async (req, res) => {
    const query = csvQuerySchema.safeParse(req.query);
    if (!query.success) return void fail(res, 400, 'badOptions');
    const klass = await classOfTeacher(req, res, stores, limits);
    if (!klass) return;
    const report = await reportOf(klass);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="tcp-tango-class-${klass.code}.csv"`,
      'Cache-Control': 'no-store',
    }).send(classReportCsv(report, query.data.locale ?? klass.locale));
  });
}
