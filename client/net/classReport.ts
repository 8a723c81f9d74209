import type { Locale } from '../../shared/i18n/messages.ts';
import { TEACHER_SECRET_HEADER, classReportPath, type ClassReport, type ErrorCode } from '../../shared/protocol.ts';
import { serverUrl } from './lobby.ts';
import { saveFile } from './saveFile.ts';

export type ReportResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ErrorCode | 'unreachable' };

/** The secret goes in a header, never the address, where it would reach logs and history. */
async function get(path: string, secret: string): Promise<ReportResult<Response>> {
  try {
    const response = await fetch(`${serverUrl()}${path}`, { headers: { [TEACHER_SECRET_HEADER]: secret }, cache: 'no-store' });
    if (response.ok) return { ok: true, value: response };
    const body = (await response.json().catch(() => ({}))) as { code?: ErrorCode };
    return { ok: false, failure: body.code ?? 'classNotFound' };
  } catch {
    return { ok: false, failure: 'unreachable' };
  }
}

export async function fetchClassReport(code: string, secret: string): Promise<ReportResult<ClassReport>> {
  const got = await get(classReportPath(code), secret);
  return got.ok ? { ok: true, value: (await got.value.json()) as ClassReport } : got;
}

/** Fetches the CSV with the secret and saves it through a Blob link, as a download. */
export async function downloadClassCsv(code: string, secret: string, locale: Locale): Promise<ReportResult<string>> {
  const got = await get(`${classReportPath(code, 'csv')}?locale=${encodeURIComponent(locale)}`, secret);
  if (!got.ok) return got;
  const blob = await got.value.blob();
  const name = `tcp-tango-class-${code}.csv`;
  saveFile(blob, name);
  return { ok: true, value: name };
}
