/*
 * What makes a browser the teacher of a class (its secret) or the same student again (their
 * token). Both live in localStorage, keyed by the class code: a teacher's reload, or a student's
 * phone that slept, must not lose them. The secret never goes into the address.
 */
const TEACHER = 'tango.class.teacher.';
const STUDENT = 'tango.class.student.';
const LAST_TEACHER = 'tango.class.lastTeacher';
const LAST_STUDENT = 'tango.class.lastStudent';
/** How long after joining a class the site's own address still takes its student back to it: a school morning. */
export const CLASS_RETURN_MS = 4 * 3_600_000;

/** The class last joined as a student, and when; null if none (or damaged). */
function lastStudent(): { readonly code: string; readonly at: number } | null {
  try {
    const last = JSON.parse(localStorage.getItem(LAST_STUDENT) ?? 'null') as { code?: unknown; at?: unknown } | null;
    return typeof last?.code === 'string' && typeof last.at === 'number' ? { code: last.code, at: last.at } : null;
  } catch {
    return null;
  }
}

export const classKeys = {
  teacherSecret(code: string): string | null {
    return localStorage.getItem(TEACHER + code);
  },
  keepTeacherSecret(code: string, secret: string): void {
    localStorage.setItem(TEACHER + code, secret);
    localStorage.setItem(LAST_TEACHER, code);
  },
  /** The class this browser last taught, if its secret is still kept. */
  lastTaught(): string | null {
    const code = localStorage.getItem(LAST_TEACHER);
    return code && classKeys.teacherSecret(code) ? code : null;
  },
  /** Every class whose secret this browser keeps, with the secret (for the list of past classes). */
  taught(): { code: string; secret: string }[] {
    const out: { code: string; secret: string }[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const secret = key?.startsWith(TEACHER) ? localStorage.getItem(key) : null;
      if (key && secret) out.push({ code: key.slice(TEACHER.length), secret });
    }
    return out;
  },
  /** The server no longer keeps the class: its secret opens nothing. */
  forgetTeacher(code: string): void {
    localStorage.removeItem(TEACHER + code);
  },
  studentToken(code: string): string | null {
    return localStorage.getItem(STUDENT + code);
  },
  keepStudentToken(code: string, token: string, now = Date.now()): void {
    localStorage.setItem(STUDENT + code, token);
    localStorage.setItem(LAST_STUDENT, JSON.stringify({ code, at: now }));
  },
  /** The class this browser last joined as a student, if that was less than CLASS_RETURN_MS ago and its token is kept. */
  lastJoined(now = Date.now()): string | null {
    const last = lastStudent();
    return last && now - last.at < CLASS_RETURN_MS && classKeys.studentToken(last.code) ? last.code : null;
  },
  forgetStudent(code: string): void {
    localStorage.removeItem(STUDENT + code);
    if (lastStudent()?.code === code) localStorage.removeItem(LAST_STUDENT);
  },
};
