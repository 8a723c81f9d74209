/**
 * The students of a class: who may join, under which name, and who was kicked. Every change is
 * written to the database at once, so a report after a restart knows every student.
 */
import { randomUUID } from 'node:crypto';
import { LIMITS, CLASS_LIMITS } from '../../../shared/protocol.ts';
import { isKeptName, keptNameToken, type StudentRecord } from '../../storage/classes.ts';
import type { ClassWrites } from './classWrites.ts';
import { hashSecret, newSecret, refusal } from './classAuth.ts';

export interface Student {
  readonly id: string;
  readonly nickname: string;
  /** `keptNameToken` for a name carried over from an earlier class until its student comes (`expect`). */
  tokenHash: string;
  kicked: boolean;
}

/** A student admitted to the class, with the token to hand them (theirs again if they came back). */
export interface Admission {
  readonly student: Student;
  readonly token: string;
}

const fold = (name: string) => name.toLocaleLowerCase();

/**
 * `name` made distinct from `taken` (folded names): "Amy", "Amy 2", "Amy 3"… The base is cut
 * short when the number would make the name too long.
 */
export function distinctNickname(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(fold(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = `${[...name].slice(0, LIMITS.nicknameMax - suffix.length).join('').trimEnd()}${suffix}`;
    if (!taken.has(fold(candidate))) return candidate;
  }
}

export class Roster {
  private readonly code: string;
  private readonly store: ClassWrites;
  private readonly students = new Map<string, Student>();

  constructor(code: string, store: ClassWrites) {
    this.code = code;
    this.store = store;
  }

  /** Takes the class's students as stored (a class revived after a restart): same ids, names and tokens. */
  restore(records: readonly StudentRecord[]): void {
    for (const r of records) this.students.set(r.id, { id: r.id, nickname: r.nickname, tokenHash: r.tokenHash, kicked: r.kicked });
  }

  get(id: string): Student | undefined {
    const s = this.students.get(id);
    return s && !s.kicked ? s : undefined;
  }

  /** Students still in the class who have come (not a kept name still waiting for its student). */
  present(): Student[] {
    return this.active().filter((s) => !isKeptName(s.tokenHash));
  }

  /** Students still in the class, in joining order. */
  active(): Student[] {
    return [...this.students.values()].filter((s) => !s.kicked);
  }

  /**
   * Names carried over from an earlier class (it is run again): on the roster at once, not
   * connected, each taken by the first student who joins under it (ignoring case).
   */
  expect(names: readonly string[]): Student[] {
    const added: Student[] = [];
    for (const name of names.slice(0, CLASS_LIMITS.studentsMax)) {
      const taken = new Set([...this.students.values()].map((s) => fold(s.nickname)));
      if (taken.has(fold(name))) continue;
      const id = randomUUID();
      const student: Student = { id, nickname: name, tokenHash: keptNameToken(id), kicked: false };
      this.store.addStudent({ ...student, classCode: this.code, joinedAt: Date.now() });
      this.students.set(student.id, student);
      added.push(student);
    }
    return added;
  }

  /** Lets a student in, or throws the refusal: kicked, a locked or full class. */
  admit(nickname: string, token: string | undefined, locked: boolean): Admission {
    const back = token === undefined ? undefined : this.byToken(token);
    if (back?.kicked) throw refusal('kicked');
    if (back && token !== undefined) return { student: back, token };
    // A name the class kept for its student: they are on the roster already, locked or not.
    const kept = [...this.students.values()].find((s) => isKeptName(s.tokenHash) && !s.kicked && fold(s.nickname) === fold(nickname));
    if (kept) {
      const fresh = newSecret();
      kept.tokenHash = hashSecret(fresh);
      this.store.claimStudent(this.code, kept.id, kept.tokenHash);
      return { student: kept, token: fresh };
    }
    if (locked) throw refusal('classLocked');
    const all = [...this.students.values()];
    // A kicked student cannot come back under the same name with a fresh browser either.
    if (all.some((s) => s.kicked && fold(s.nickname) === fold(nickname))) throw refusal('kicked');
    if (this.active().length >= CLASS_LIMITS.studentsMax) throw refusal('classFull');
    const fresh = newSecret();
    const student: Student = {
      id: randomUUID(), nickname: distinctNickname(nickname, new Set(all.map((s) => fold(s.nickname)))),
      tokenHash: hashSecret(fresh), kicked: false,
    };
    this.store.addStudent({ ...student, classCode: this.code, joinedAt: Date.now() });
    this.students.set(student.id, student);
    return { student, token: fresh };
  }

  /** Removes a student for good; false if there is no such student. */
  kick(id: string): boolean {
    const s = this.get(id);
    if (!s) return false;
    s.kicked = true;
    this.store.kick(this.code, id);
    return true;
  }

  private byToken(token: string): Student | undefined {
    const hash = hashSecret(token);
    return [...this.students.values()].find((s) => s.tokenHash === hash);
  }
}
