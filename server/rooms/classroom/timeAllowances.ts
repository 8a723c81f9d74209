/**
 * Who the teacher gave extra time or no deadline (issue 19). Kept by the class room and shown
 * in a map only teacher screens receive; each round hands a student's allowance to their pair
 * room with their seat, where only their own deadline changes. Stored with the student, so a
 * class revived after a restart, or run again, still gives it.
 */
import type { MapSchema } from '@colyseus/schema';
import type { TimeAllowance } from '../../../shared/match/timeAllowance.ts';
import type { ErrorCode } from '../../../shared/protocol.ts';

export interface AllowanceParts {
  readonly shown: MapSchema<string>;
  /** Whether the student is in the class. */
  readonly known: (studentId: string) => boolean;
  /** Stores a student's new allowance. */
  readonly save: (studentId: string, allowance: TimeAllowance) => void;
}

export class TimeAllowances {
  private readonly parts: AllowanceParts;

  constructor(parts: AllowanceParts) {
    this.parts = parts;
  }

  /** Sets a student's allowance, from the next round; `normal` takes it away. */
  set(studentId: string, allowance: TimeAllowance): ErrorCode | undefined {
    // Only students of the class: the map stays as small as the roster, whatever is sent.
    if (!this.parts.known(studentId)) return 'unknownStudent';
    this.show(studentId, allowance);
    this.parts.save(studentId, allowance);
    return undefined;
  }

  /** A student's allowance as stored (a class revived after a restart): shown, not stored again. */
  restore(studentId: string, allowance: TimeAllowance): void {
    this.show(studentId, allowance);
  }

  /** A removed student's allowance goes with them. */
  forget(studentId: string): void {
    this.parts.shown.delete(studentId);
  }

  /** A student's allowance. */
  of(studentId: string): TimeAllowance {
    const a = this.parts.shown.get(studentId);
    return a === 'extra' || a === 'untimed' ? a : 'normal';
  }

  /** The students of a round, each with their allowance. */
  seat<S extends { readonly id: string }>(students: readonly S[]): (S & { readonly allowance: TimeAllowance })[] {
    return students.map((s) => ({ ...s, allowance: this.of(s.id) }));
  }

  private show(studentId: string, allowance: TimeAllowance): void {
    if (allowance === 'normal') this.parts.shown.delete(studentId);
    else this.parts.shown.set(studentId, allowance);
  }
}
