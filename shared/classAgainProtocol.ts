/**
 * Running a class again (issue 19): the teacher's past classes, listed for the browser that
 * holds their secrets, and a new class made from one of them. Re-exported by protocol.ts and
 * documented in server/PROTOCOL.md.
 */
import type { ClassSettings } from './classroomProtocol.ts';

/** `GET` the classes whose secrets the request carries (in `TEACHER_SECRETS_HEADER`). */
export const PAST_CLASSES_PATH = '/api/classes/mine';

/** The teacher's secrets, comma-separated, in a header (never the URL, as for the report). */
export const TEACHER_SECRETS_HEADER = 'x-teacher-secrets';

/** At most this many secrets in one request, and classes in one answer. */
export const PAST_CLASSES_MAX = 20;

/** A past (or live) class of this teacher: enough to choose one and run it again. */
export interface PastClass {
  readonly code: string;
  readonly createdAt: number;
  /** null while it goes on. */
  readonly endedAt: number | null;
  readonly settings: ClassSettings;
  /** Rounds played. */
  readonly rounds: number;
  /** The students' nicknames (removed students left out), in joining order. */
  readonly students: readonly string[];
}

/** The answer of `PAST_CLASSES_PATH`: the classes found, newest first. */
export interface PastClasses {
  readonly classes: readonly PastClass[];
}
