/**
 * What a class room writes as things happen (a join, a kick, a round, a setting), queued on the
 * room's WriteQueue: the room does not wait for the database, and a failed write is logged
 * without stopping the class.
 */
import type { TimeAllowance } from '../../../shared/match/timeAllowance.ts';
import type { ClassSettings } from '../../../shared/protocol.ts';
import type { ScenarioId } from '../../../shared/scenarios/scenario.ts';
import type { ClassStore, StudentRecord } from '../../storage/classes.ts';
import type { WriteQueue } from '../common/writeQueue.ts';

export interface ClassWrites {
  addStudent(s: Omit<StudentRecord, 'kicked' | 'allowance'>): void;
  setAllowance(code: string, studentId: string, allowance: TimeAllowance): void;
  kick(code: string, studentId: string): void;
  claimStudent(code: string, studentId: string, tokenHash: string): void;
  startRound(code: string, roundNo: number, scenarioId: ScenarioId, at: number): void;
  endRound(code: string, roundNo: number, at: number): void;
  saveSettings(code: string, settings: ClassSettings): void;
  setLocked(code: string, locked: boolean): void;
  end(code: string, at: number): void;
}

/** The class store's writes, each queued in turn on `queue`. */
export function classWrites(store: ClassStore, queue: WriteQueue): ClassWrites {
  return {
    addStudent: (s) => queue.add(`student ${s.id}`, () => store.addStudent(s)),
    setAllowance: (code, id, allowance) => queue.add(`time allowance of ${id}`, () => store.setAllowance(code, id, allowance)),
    kick: (code, id) => queue.add(`kick of ${id}`, () => store.kick(code, id)),
    claimStudent: (code, id, tokenHash) => queue.add(`kept name of ${id}`, () => store.claimStudent(code, id, tokenHash)),
    startRound: (code, n, scenarioId, at) => queue.add(`start of round ${n}`, () => store.startRound(code, n, scenarioId, at)),
    endRound: (code, n, at) => queue.add(`end of round ${n}`, () => store.endRound(code, n, at)),
    saveSettings: (code, settings) => queue.add('settings', () => store.saveSettings(code, settings)),
    setLocked: (code, locked) => queue.add('lock', () => store.setLocked(code, locked)),
    end: (code, at) => queue.add('end of class', () => store.end(code, at)),
  };
}
