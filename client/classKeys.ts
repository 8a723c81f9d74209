/*
 * What makes a browser the teacher of a class (its secret) or the same student again (their
 * token). Both live in localStorage, keyed by the class code: a teacher's reload, or a student's
 * phone that slept, must not lose them. The secret never goes into the address.
 */
const TEACHER = 'tango.class.teacher.';
const STUDENT = 'tango.class.student.';
const LAST_TEACHER = 'tango.class.lastTeacher';

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
  keepStudentToken(code: string, token: string): void {
    localStorage.setItem(STUDENT + code, token);
  },
  forgetStudent(code: string): void {
    localStorage.removeItem(STUDENT + code);
  },
};
