import { PAST_CLASSES_MAX, PAST_CLASSES_PATH, TEACHER_SECRETS_HEADER, type ErrorCode, type PastClass, type PastClasses } from '../../shared/protocol.ts';
import { classKeys } from '../classKeys.ts';
import { serverUrl } from './lobby.ts';

export type PastClassesResult = { readonly ok: true; readonly classes: readonly (PastClass & { readonly secret: string })[] }
  | { readonly ok: false; readonly failure: ErrorCode | 'unreachable' };

/**
 * The classes this browser taught, as the server still keeps them (newest first): asked with the
 * secrets this browser holds, in a header. Secrets the server no longer knows are forgotten, so
 * they are not sent again (each one that opens nothing counts against the school's address).
 */
export async function fetchPastClasses(): Promise<PastClassesResult> {
  const kept = classKeys.taught().slice(0, PAST_CLASSES_MAX);
  if (kept.length === 0) return { ok: true, classes: [] };
  try {
    const response = await fetch(`${serverUrl()}${PAST_CLASSES_PATH}`, {
      headers: { [TEACHER_SECRETS_HEADER]: kept.map((k) => k.secret).join(',') }, cache: 'no-store',
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: ErrorCode };
      return { ok: false, failure: body.code ?? 'badOptions' };
    }
    const { classes } = (await response.json()) as PastClasses;
    const secretOf = new Map(kept.map((k) => [k.code, k.secret]));
    for (const k of kept) if (!classes.some((c) => c.code === k.code)) classKeys.forgetTeacher(k.code);
    return { ok: true, classes: classes.flatMap((c) => { const secret = secretOf.get(c.code); return secret ? [{ ...c, secret }] : []; }) };
  } catch {
    return { ok: false, failure: 'unreachable' };
  }
}
