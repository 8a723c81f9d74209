import type { Locale } from '../../shared/i18n/messages.ts';
import {
  roundCapturePath, roundRecordPath, STUDENT_TOKEN_HEADER, TEACHER_SECRET_HEADER, type ErrorCode, type RoundRecordPayload,
} from '../../shared/protocol.ts';
import { classKeys } from '../classKeys.ts';
import { serverUrl } from './lobby.ts';
import { saveFile } from './saveFile.ts';

export type RecordResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ErrorCode | 'unreachable' };

/**
 * What lets this browser read a class's round: the teacher's secret if it taught the class, else
 * the student's token. In headers, never the address. Other rounds need nothing but their id.
 */
function credentials(classCode: string | null): Record<string, string> {
  if (!classCode) return {};
  const secret = classKeys.teacherSecret(classCode);
  if (secret) return { [TEACHER_SECRET_HEADER]: secret };
  const token = classKeys.studentToken(classCode);
  return token ? { [STUDENT_TOKEN_HEADER]: token } : {};
}

async function get(path: string, classCode: string | null): Promise<RecordResult<Response>> {
  try {
    const response = await fetch(`${serverUrl()}${path}`, { headers: credentials(classCode), cache: 'no-store' });
    if (response.ok) return { ok: true, value: response };
    const body = (await response.json().catch(() => ({}))) as { code?: ErrorCode };
    return { ok: false, failure: body.code ?? 'roundRecordNotFound' };
  } catch {
    return { ok: false, failure: 'unreachable' };
  }
}

/** A finished round's record, for its replay. */
export async function fetchRoundRecord(id: string, classCode: string | null): Promise<RecordResult<RoundRecordPayload>> {
  const got = await get(roundRecordPath(id), classCode);
  return got.ok ? { ok: true, value: (await got.value.json()) as RoundRecordPayload } : got;
}

/** Fetches the round's capture file and saves it through a Blob link, as a download. */
export async function downloadRoundCapture(id: string, classCode: string | null, locale: Locale): Promise<RecordResult<string>> {
  const got = await get(roundCapturePath(id, locale), classCode);
  if (!got.ok) return got;
  const blob = await got.value.blob();
  const name = /filename="([^"]+)"/.exec(got.value.headers.get('content-disposition') ?? '')?.[1] ?? `tcp-tango-${id}.pcapng`;
  saveFile(blob, name);
  return { ok: true, value: name };
}
