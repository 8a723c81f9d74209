/**
 * Who the teacher gave extra time or no deadline (issue 19). Kept by the class room and shown
 * in a map only teacher screens receive; each round hands a student's allowance to their pair
 * room with their seat, where only their own deadline changes.
 */
import type { MapSchema } from '@colyseus/schema';
import type { TimeAllowance } from '../../../shared/match/timeAllowance.ts';
import type { ErrorCode } from '../../../shared/protocol.ts';

export class TimeAllowances {
  private readonly shown: MapSchema<string>;
  private readonly known: (studentId: string) => boolean;

  constructor(shown: MapSchema<string>, known: (studentId: string) => boolean) {
    this.shown = shown;
    this.known = known;
  }

  /** Sets a student's allowance, from the next round; `normal` takes it away. */
  set(studentId: string, allowance: TimeAllowance): ErrorCode | undefined {
    // Only students of the class: the map stays as small as the roster, whatever is sent.
    if (!this.known(studentId)) return 'unknownStudent';
    if (allowance === 'normal') this.shown.delete(studentId);
    else this.shown.set(studentId, allowance);
    return undefined;
  }

  /** A removed student's allowance goes with them. */
  forget(studentId: string): void {
    this.shown.delete(studentId);
  }

  /** A student's allowance. */
  of(studentId: string): TimeAllowance {
    const a = this.shown.get(studentId);
    return a === 'extra' || a === 'untimed' ? a : 'normal';
  }

  /** The students of a round, each with their allowance. */
  seat<S extends { readonly id: string }>(students: readonly S[]): (S & { readonly allowance: TimeAllowance })[] {
    return students.map((s) => ({ ...s, allowance: this.of(s.id) }));
  }
}
