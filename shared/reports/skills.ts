import type { MessageKey } from '../i18n/messages.ts';
import { accuracyPercent } from '../match/accuracy.ts';
import { SKILLS, type MoveRecord, type Skill } from '../match/types.ts';

/** How one skill went: moves judged and how many were right. */
export interface SkillLine {
  readonly skill: Skill;
  readonly correct: number;
  readonly wrong: number;
  /** `accuracyPercent` of the skill's judged moves. */
  readonly accuracy: number;
}

/** A mistake that keeps coming back: the skill, the reason shown, and how often. */
export interface CommonMistake {
  readonly skill: Skill;
  readonly why: MessageKey;
  readonly count: number;
}

/** Accuracy per kind of move, in the order the skills are taught; skills never met are left out. */
export function skillBreakdown(moves: readonly Pick<MoveRecord, 'skill' | 'verdict'>[]): SkillLine[] {
  return SKILLS.flatMap((skill) => {
    // A stale card (it crossed an arrival) is neither right nor wrong.
    const mine = moves.filter((m) => m.skill === skill && m.verdict !== 'stale');
    if (mine.length === 0) return [];
    const correct = mine.filter((m) => m.verdict === 'correct').length;
    return [{ skill, correct, wrong: mine.length - correct, accuracy: accuracyPercent({ correct, mistakes: mine.length - correct, missed: 0 }) }];
  });
}

/** The most frequent mistakes, most frequent first (ties in skill order, then by reason). */
export function commonMistakes(moves: readonly Pick<MoveRecord, 'skill' | 'verdict' | 'why'>[], limit = 3): CommonMistake[] {
  const counts = new Map<string, CommonMistake>();
  for (const m of moves) {
    // A stale card crossed an arrival: not a mistake.
    if (m.verdict === 'correct' || m.verdict === 'stale') continue;
    const key = `${m.skill}|${m.why}`;
    const c = counts.get(key);
    counts.set(key, { skill: m.skill, why: m.why, count: (c?.count ?? 0) + 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || SKILLS.indexOf(a.skill) - SKILLS.indexOf(b.skill) || a.why.localeCompare(b.why))
    .slice(0, limit);
}
