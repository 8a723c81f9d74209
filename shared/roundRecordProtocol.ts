/**
 * A finished round's record over HTTP: its replay page, its JSON, its capture file. Documented
 * for people in server/PROTOCOL.md ("Round records").
 */
import type { RoundRecord } from './capture/roundRecord.ts';
import type { Locale } from './i18n/messages.ts';

/** A student's token to their class, sent to read a class round's record (never in the URL). */
export const STUDENT_TOKEN_HEADER = 'x-student-token';

/** Characters of a record id: 12 random bytes in base64url. */
export const RECORD_ID_LENGTH = 16;

/** The web client's replay page of a round; a class's round names its class, whose key or token the page sends. */
export const REPLAY_PATH = '/replay/';
export const replayPath = (id: string, classCode?: string): string => `${REPLAY_PATH}${id}${classCode ? `?class=${classCode}` : ''}`;

/** The record id in a replay page's path; null when `pathname` is not one. */
export function replayIdIn(pathname: string): string | null {
  const id = pathname.startsWith(REPLAY_PATH) ? pathname.slice(REPLAY_PATH.length).replace(/\/$/, '') : '';
  return new RegExp(`^[A-Za-z0-9_-]{${RECORD_ID_LENGTH}}$`).test(id) ? id : null;
}

/** `GET /api/rounds/:id`: the record as JSON (`RoundRecordPayload`). */
export const roundRecordPath = (id: string): string => `/api/rounds/${id}`;

/** `GET /api/rounds/:id/capture.pcapng`: the round as a capture file, frame comments in `locale`. */
export const roundCapturePath = (id: string, locale: Locale): string => `/api/rounds/${id}/capture.pcapng?locale=${locale}`;

export interface RoundRecordPayload {
  readonly id: string;
  /** How the round was played: `solo`, `quick`, `private`, `class`, `challenge`. */
  readonly mode: string;
  readonly roundNo: number;
  readonly record: RoundRecord;
}
