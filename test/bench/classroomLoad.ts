/**
 * ┌──────────────────────────────────────────────────────────────────────────────────────────┐
 * │ PENDING: the classroom of 200 students (issue 7).                                         │
 * │ The classroom room does not exist yet: shared/protocol.ts has no ROOM.classroom and        │
 * │ server/rooms/ has no ClassroomRoom.ts. Until it does, the bench reports this part as       │
 * │ pending, with no figures, and only measures the reference the target is relative to:      │
 * │ the same 200 students in 100 plain pair rooms (a level of the ramp).                       │
 * └──────────────────────────────────────────────────────────────────────────────────────────┘
 *
 * When the room lands, this file gets a `startClassroom(plan, meter)` beside pairLoad.ts's
 * `startPairs`: one teacher client creates the classroom, 200 student clients join it with its
 * code, the teacher starts the rounds, each student plays its pair's hinted card as in
 * pairLoad.ts, and the teacher's client follows the live leaderboard. The latency measured is
 * the same card → verdict; the target is p99 within 20 % of the plain-pairs reference.
 */
import { ROOM } from '../../shared/protocol.ts';
import type { LevelResult } from './levelRun.ts';
import { TARGETS } from './targets.ts';

export interface ClassroomFigures {
  readonly status: 'pending' | 'not measured';
  readonly reason: string;
  readonly students: number;
  /** The same students in plain pairs: what the classroom's p99 is compared with. */
  readonly plainPairsReference: { readonly pairs: number; readonly p99Ms: number } | null;
  readonly target: string;
}

export function classroomFigures(students: number, levels: readonly LevelResult[]): ClassroomFigures {
  const reference = levels.find((l) => l.pairs === students / 2);
  const hasRoom = Object.keys(ROOM).includes('classroom');
  return {
    status: hasRoom ? 'not measured' : 'pending',
    reason: hasRoom
      ? 'ROOM.classroom exists but the bench has no classroom load yet (see test/bench/classroomLoad.ts)'
      : 'the classroom room does not exist yet (no ROOM.classroom, no server/rooms/ClassroomRoom.ts)',
    students,
    plainPairsReference: reference ? { pairs: reference.pairs, p99Ms: reference.game.latency.p99 } : null,
    target: `classroom p99 ≤ ${TARGETS.classroomRatio} × plain-pairs p99`,
  };
}
