/**
 * Who is joining a class: its creator, the teacher coming back with the secret, or a student
 * (new, or coming back with their token). The teacher's secret and the students' tokens are 256
 * random bits from node:crypto, handed out once and stored only as SHA-256 hashes: a copy of
 * the database lets nobody act as a teacher. A refusal is a ServerError whose message is our
 * error code, which the SDK's join rejects with (`errorCodeOf`).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode as ColyseusError, ServerError } from '@colyseus/core';
import type { ClassroomCreateOptions, ErrorCode } from '../../../shared/protocol.ts';
import { classroomCreateOptionsSchema, studentJoinOptionsSchema, teacherJoinOptionsSchema } from '../../../shared/validation.ts';

export type JoinRequest =
  | { readonly kind: 'creator'; readonly options: ClassroomCreateOptions }
  | { readonly kind: 'teacher'; readonly secret: string }
  | { readonly kind: 'student'; readonly nickname: string; readonly token: string | undefined };

/** What a joined client is to the class; Colyseus keeps it as `client.auth`. */
export type ClassAuth = { readonly teacher: true } | { readonly teacher: false; readonly studentId: string };

export function refusal(code: ErrorCode): ServerError {
  return new ServerError(ColyseusError.AUTH_FAILED, code);
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares hashes in constant time, so timing says nothing about how close a guess was. */
export function secretMatches(secret: string, hash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Reads join options; anything that asks to be a teacher is judged as a teacher's. */
export function parseClassJoin(options: unknown): JoinRequest {
  const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  if ('teacher' in o && 'secret' in o) {
    const p = teacherJoinOptionsSchema.safeParse(o);
    if (!p.success) throw refusal('badTeacherSecret');
    return { kind: 'teacher', secret: p.data.secret };
  }
  if ('teacher' in o) {
    const p = classroomCreateOptionsSchema.safeParse(o);
    if (!p.success) throw refusal('badOptions');
    return { kind: 'creator', options: p.data };
  }
  const p = studentJoinOptionsSchema.safeParse(o);
  if (p.success) return { kind: 'student', nickname: p.data.nickname, token: p.data.token };
  throw refusal(p.error.issues.some((i) => i.path[0] === 'nickname') ? 'badNickname' : 'badOptions');
}
