/**
 * The class's answers per step of the handshake and the close: for each kind of move, how many
 * were right, wrong (a wrong card or wrong numbers) and too late. The projector's chart between
 * rounds shows which step the class gets wrong.
 */
import { SKILLS, type MoveRecord, type Skill } from '../match/types.ts';

/** One step's answers in a round. */
export interface StepTally {
  readonly skill: Skill;
  readonly right: number;
  readonly wrong: number;
  /** Missed deadlines: the move was due and nobody made it in time. */
  readonly late: number;
}

/** Right, wrong and late answers per step, in teaching order; steps nobody met are left out, stale cards not counted. */
export function stepTally(moves: readonly Pick<MoveRecord, 'skill' | 'verdict'>[]): StepTally[] {
  const counts = new Map<Skill, { right: number; wrong: number; late: number }>();
  for (const m of moves) {
    if (m.verdict === 'stale') continue;
    const c = counts.get(m.skill) ?? { right: 0, wrong: 0, late: 0 };
    if (m.verdict === 'correct') c.right++;
    else if (m.verdict === 'missedDeadline') c.late++;
    else c.wrong++;
    counts.set(m.skill, c);
  }
  return SKILLS.flatMap((skill) => {
    const c = counts.get(skill);
    return c ? [{ skill, ...c }] : [];
  });
}

/** The step with the most wrong and late answers (ties: the earlier step); null when every answer was right. */
export function hardestStep(tally: readonly StepTally[]): StepTally | null {
  let worst: StepTally | null = null;
  for (const s of tally) if (s.wrong + s.late > 0 && (!worst || s.wrong + s.late > worst.wrong + worst.late)) worst = s;
  return worst;
}
