import { ROLES, type Role } from '../match/cards.ts';
import { createMatch, step } from '../match/engine.ts';
import { makeSettings, type Difficulty, type Speed, type Timing } from '../match/settings.ts';
import type { MatchEvent, MatchInput, MatchState, MoveRecord } from '../match/types.ts';
import type { ScenarioId } from '../scenarios/scenario.ts';
import { challengeRound, CHALLENGE } from './plan.ts';

/** Who plays: one person and a bot, or two people together. */
export type ChallengeSeats = 'solo' | 'pair';

/** A judged move of a person, with the round it was made in, for the end screen. */
export interface ChallengeMove extends MoveRecord {
  readonly roundIndex: number;
  readonly scenarioId: ScenarioId;
}

/** A whole timed challenge: the current round plus everything the player(s) earned so far. */
export interface ChallengeState {
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly speed: Speed;
  /** Replaces parts of the timing that difficulty and speed give (tests and slow classrooms). */
  readonly timing?: Partial<Timing>;
  readonly seats: ChallengeSeats;
  /** When the challenge's clock starts, after the get-ready step before the first round. */
  readonly startedAt: number;
  readonly endsAt: number;
  readonly index: number;
  readonly round: MatchState;
  /** Roles played by people this round; in solo the other seat is a bot. */
  readonly humanRoles: readonly Role[];
  readonly points: number;
  readonly roundsWon: number;
  /** Every judged move of the people, over all rounds, for the end screen. */
  readonly moves: readonly ChallengeMove[];
  readonly finished: boolean;
}

export type ChallengeEvent =
  | MatchEvent
  | { readonly type: 'roundStarted'; readonly at: number; readonly index: number; readonly scenarioId: ScenarioId; readonly humanRoles: readonly Role[] }
  /** A round ended (won or out of time), whole, for the server to keep as a round record; never sent to clients. */
  | { readonly type: 'roundEnded'; readonly at: number; readonly index: number; readonly round: MatchState }
  | { readonly type: 'challengeOver'; readonly at: number; readonly points: number };

function openRound(s: Omit<ChallengeState, 'round' | 'humanRoles'>, index: number, now: number, getReadyMs = 0): Pick<ChallengeState, 'round' | 'humanRoles' | 'index'> {
  const plan = challengeRound(s.seed, index);
  const base = makeSettings({ difficulty: s.difficulty, speed: s.speed, lossRate: plan.lossRate });
  const settings = s.timing ? { ...base, timing: { ...base.timing, ...s.timing } } : base;
  return {
    index,
    round: createMatch({ scenarioId: plan.scenarioId, settings, seed: plan.seed, now, getReadyMs }),
    humanRoles: s.seats === 'pair' ? ROLES : [plan.role],
  };
}

/**
 * A challenge created at `now`; the seed fixes every scenario, ISN and loss. The first round
 * has a get-ready step of `getReadyMs`; the challenge's clock starts after it. Later rounds
 * follow one another without a break (a banner tells the new role).
 */
export function startChallenge(p: {
  seed: number; difficulty: Difficulty; speed: Speed; seats: ChallengeSeats; now: number; durationMs?: number; timing?: Partial<Timing>;
  getReadyMs?: number;
}): ChallengeState {
  const clockStartsAt = p.now + Math.max(0, p.getReadyMs ?? 0);
  const base = {
    seed: p.seed, difficulty: p.difficulty, speed: p.speed, seats: p.seats, startedAt: clockStartsAt,
    ...(p.timing ? { timing: p.timing } : {}),
    endsAt: clockStartsAt + (p.durationMs ?? CHALLENGE.durationMs), index: 0, points: 0, roundsWon: 0, moves: [], finished: false,
  };
  return { ...base, ...openRound(base, 0, p.now, clockStartsAt - p.now) };
}

/** The first event of a round, so a client can show what comes next. */
export function roundStartedEvent(s: ChallengeState, at: number): ChallengeEvent {
  return { type: 'roundStarted', at, index: s.index, scenarioId: s.round.scenarioId, humanRoles: s.humanRoles };
}

/** Folds the judged moves of people into the totals. */
function credit(s: ChallengeState, events: readonly MatchEvent[]): ChallengeState {
  const mine = events.flatMap((e) => (e.type === 'moveJudged' && s.humanRoles.includes(e.move.role)
    ? [{ ...e.move, roundIndex: s.index, scenarioId: s.round.scenarioId }] : []));
  if (mine.length === 0) return s;
  return { ...s, points: s.points + mine.reduce((n, m) => n + m.points, 0), moves: [...s.moves, ...mine] };
}

/**
 * The challenge's reducer: forwards the input to the current round; when a round ends, the next
 * starts at that moment; at the end of the time, the challenge is over. Pure, like `step`.
 */
export function challengeStep(state: ChallengeState, input: MatchInput): { state: ChallengeState; events: ChallengeEvent[] } {
  if (state.finished) return { state, events: [{ type: 'inputRefused', at: input.now, code: 'roundOver' }] };
  const events: ChallengeEvent[] = [];
  const until = Math.min(input.now, state.endsAt);
  let s = state;
  // A card is for the round it was played in; the rounds after it only see time pass.
  let next: MatchInput = input.kind === 'play' && input.now <= s.endsAt ? { ...input, now: until } : { kind: 'tick', now: until };
  for (;;) {
    const r = step(s.round, next);
    events.push(...r.events);
    s = credit({ ...s, round: r.state }, r.events);
    if (r.state.status === 'playing') break;
    // The next round starts the moment this one ended.
    const at = r.events.find((e) => e.type === 'roundOver')?.at ?? until;
    events.push({ type: 'roundEnded', at, index: s.index, round: r.state });
    s = { ...s, roundsWon: s.roundsWon + (r.state.status === 'won' ? 1 : 0), ...openRound(s, s.index + 1, at) };
    events.push(roundStartedEvent(s, at));
    next = { kind: 'tick', now: until };
  }
  if (input.now >= s.endsAt) {
    s = { ...s, finished: true };
    events.push({ type: 'challengeOver', at: s.endsAt, points: s.points });
  }
  return { state: s, events };
}
