/**
 * A class's report for its teacher: `GET /api/classes/:code/report` (JSON) and
 * `GET /api/classes/:code/report.csv` (a download). Read from the database alone, so it
 * survives a restart. The teacher's secret comes in the `X-Teacher-Secret` header, never in
 * the URL, where it would end up in logs, history and Referer headers.
 */
import type { Application, Request, Response } from 'express';
import { z } from 'zod';
import { LOCALES } from '../../shared/i18n/messages.ts';
import { TEACHER_SECRET_HEADER, type ErrorCode, type ErrorPayload } from '../../shared/protocol.ts';
import { classSecretSchema, roomCodeSchema } from '../../shared/validation.ts';
import { buildClassReport } from '../reports/classReport.ts';
import { classReportCsv } from '../reports/classReportCsv.ts';
import { secretMatches } from '../rooms/classroom/classAuth.ts';
import type { ClassRecord } from '../storage/classes.ts';
import type { Stores } from '../storage/stores.ts';

const csvQuerySchema = z.strictObject({ locale: z.enum(LOCALES).optional() });

function fail(res: Response, status: number, code: ErrorCode): undefined {
  res.status(status).set('Cache-Control', 'no-store').json({ code } satisfies ErrorPayload);
  return undefined;
}

/** The class named in the path, if the request carries its teacher's secret; else the answer is sent. */
export function classOfTeacher(req: Request, res: Response, stores: Stores): ClassRecord | undefined {
  const code = roomCodeSchema.safeParse(req.params['code']);
  if (!code.success) return fail(res, 400, 'classNotFound');
  const klass = stores.classes.get(code.data);
  if (!klass) return fail(res, 404, 'classNotFound');
  const secret = classSecretSchema.safeParse(req.get(TEACHER_SECRET_HEADER));
  if (!secret.success || !secretMatches(secret.data, klass.secretHash)) return fail(res, 401, 'badTeacherSecret');
  return klass;
}

export function serveClassReports(app: Application, stores: Stores): void {
  const reportOf = (klass: ClassRecord) => buildClassReport(
    klass, stores.classes.students(klass.code), stores.classes.rounds(klass.code), stores.results.forRoom(klass.code),
  );

  app.get('/api/classes/:code/report', (req, res) => {
    const klass = classOfTeacher(req, res, stores);
    if (klass) res.set('Cache-Control', 'no-store').json(reportOf(klass));
  });

  app.get('/api/classes/:code/report.csv', (req, res) => {
    const query = csvQuerySchema.safeParse(req.query);
    if (!query.success) return void fail(res, 400, 'badOptions');
    const klass = classOfTeacher(req, res, stores);
    if (!klass) return;
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="tcp-tango-class-${klass.code}.csv"`,
      'Cache-Control': 'no-store',
    }).send(classReportCsv(reportOf(klass), query.data.locale ?? klass.locale));
  });
}
