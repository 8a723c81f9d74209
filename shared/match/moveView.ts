import type { MoveView } from '../protocol.ts';
import type { FieldReaders } from '../stateRecords.ts';
import type { MoveRecord } from './types.ts';

/**
 * Each field of a move's wire shape, read from the engine's move: no nulls (a schema string or
 * number cannot be one), no timing. The verdict's reply is made from it, and the state's move
 * record is encoded straight from it (no reply-shaped object made a second time per move).
 */
export const MOVE_VIEW_FIELDS: FieldReaders<MoveRecord, MoveView> = {
  at: (m) => m.at, role: (m) => m.role, card: (m) => m.card ?? '', verdict: (m) => m.verdict, why: (m) => m.why,
  points: (m) => m.points, expected: (m) => m.expected, skill: (m) => m.skill, state: (m) => m.state,
  segmentId: (m) => m.segmentId ?? -1, hinted: (m) => m.hinted, params: (m) => m.params,
};

/** The engine's judged move in its one wire shape (`MOVE_VIEW_FIELDS`). */
export function toMoveView(m: MoveRecord): MoveView {
  const f = MOVE_VIEW_FIELDS;
  return {
    at: f.at(m), role: f.role(m), card: f.card(m), verdict: f.verdict(m), why: f.why(m), points: f.points(m), expected: f.expected(m),
    skill: f.skill(m), state: f.state(m), segmentId: f.segmentId(m), hinted: f.hinted(m), params: f.params(m),
  };
}
