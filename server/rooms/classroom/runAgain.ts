/**
 * A class run again (issue 19): the earlier class's settings and its students' names, given
 * only to a creator who holds that class's teacher secret. A wrong secret, or a code that names
 * no class, is refused alike, so creating a class says nothing about which codes exist.
 */
import type { TimeAllowance } from '../../../shared/match/timeAllowance.ts';
import type { ClassSettings } from '../../../shared/protocol.ts';
import type { ClassStore } from '../../storage/classes.ts';
import { refusal, secretMatches } from './classAuth.ts';

export interface ClassToRunAgain {
  readonly settings: ClassSettings;
  /** Nicknames of the students who were not removed, in joining order. */
  readonly names: readonly string[];
  /** The extra time or no deadline the teacher gave, by nickname (only those who had one). */
  readonly allowances: ReadonlyMap<string, TimeAllowance>;
}

export async function classToRunAgain(classes: ClassStore, from: { readonly code: string; readonly secret: string }): Promise<ClassToRunAgain> {
  const earlier = await classes.get(from.code);
  if (!earlier || !secretMatches(from.secret, earlier.secretHash)) throw refusal('badTeacherSecret');
  // Names kept last time whose students never came are carried on too: they are still the class.
  const students = (await classes.students(from.code)).filter((s) => !s.kicked);
  return {
    settings: earlier.settings, names: students.map((s) => s.nickname),
    allowances: new Map(students.filter((s) => s.allowance !== 'normal').map((s) => [s.nickname, s.allowance])),
  };
}
