import type { PairRoomView } from '../shared/protocol.ts';
import { isScenarioId, SCENARIO_IDS, type ScenarioId } from '../shared/scenarios/scenario.ts';

/**
 * The scenarios this browser has played to a won round without a mistake of its own player, in
 * either role: a self-learner's map of what is mastered, shown in the scenario picker. It only
 * remembers what the server already judged.
 */
const KEY = 'tango.progress';

export function loadProgress(): ReadonlySet<ScenarioId> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter(isScenarioId) : []);
  } catch {
    // A damaged entry is forgotten rather than blocking the picker.
    return new Set();
  }
}

/** Notes the round of `view` if it was won and `sessionId`'s player made no mistake in it. */
export function recordRound(view: PairRoomView, sessionId: string): void {
  const role = view.players.get(sessionId)?.role;
  const scenario = view.scenarioId;
  if (!role || !scenario || view.roundStatus !== 'won') return;
  if (view.moves.some((m) => m.role === role && m.verdict !== 'correct' && m.verdict !== 'stale')) return;
  // The result screen calls this on every patch it shows; only a new mark is written.
  const done = new Set(loadProgress());
  if (done.has(scenario)) return;
  done.add(scenario);
  localStorage.setItem(KEY, JSON.stringify(SCENARIO_IDS.filter((id) => done.has(id))));
}
