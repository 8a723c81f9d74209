import type { MoveView } from '../protocol.ts';
import type { MoveRecord } from './types.ts';

/** The engine's judged move in its one wire shape: no nulls (a schema string or number cannot be one), no timing. */
export function toMoveView(m: MoveRecord): MoveView {
  return {
    at: m.at, role: m.role, card: m.card ?? '', verdict: m.verdict, why: m.why, points: m.points, expected: m.expected,
    skill: m.skill, state: m.state, segmentId: m.segmentId ?? -1, hinted: m.hinted, params: m.params,
  };
}
