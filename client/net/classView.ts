import type { ClassroomView, StudentView } from '../../shared/protocol.ts';

/** A plain, immutable copy of the classroom's synchronised state (as roomView.ts does for pairs). */
export function toClassView(state: unknown): ClassroomView {
  const json = (state as { toJSON(): Record<string, unknown> }).toJSON();
  const students = (json.students ?? {}) as Record<string, StudentView>;
  return {
    ...(json as unknown as ClassroomView),
    settings: { ...(json.settings as ClassroomView['settings']) },
    students: new Map(Object.entries(students)),
    leaderboard: (json.leaderboard ?? []) as ClassroomView['leaderboard'],
    liveLeaderboard: (json.liveLeaderboard ?? []) as ClassroomView['liveLeaderboard'],
    mistakes: (json.mistakes ?? []) as ClassroomView['mistakes'],
    skills: (json.skills ?? []) as ClassroomView['skills'],
    // Teacher screens only: a student's state has no such map.
    timeAllowances: new Map(Object.entries((json.timeAllowances ?? {}) as Record<string, 'extra' | 'untimed'>)),
    steps: (json.steps ?? []) as ClassroomView['steps'],
    tiles: (json.tiles ?? []) as ClassroomView['tiles'],
  };
}
