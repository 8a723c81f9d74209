/**
 * What a finished challenge is worth to one person: their entry on the leaderboard (if it
 * counts) and the end result they are sent. Everything here comes from the server's own count
 * of the judged moves; a client has no say in it.
 */
import { logger } from '@colyseus/core';
import type { ChallengeState } from '../../../shared/challenge/run.ts';
import { seatRoleIn } from '../../../shared/challenge/plan.ts';
import { tallyChallenge } from '../../../shared/challenge/tally.ts';
import { toMoveView } from '../../../shared/match/moveView.ts';
import type { Role } from '../../../shared/match/cards.ts';
import {
  LEADERBOARD, type ChallengeKind, type ChallengeMistake, type ChallengeResultPayload, type ChallengeStanding,
} from '../../../shared/protocol.ts';
import type { BoardScope, ChallengeEntryStore } from '../../storage/challengeEntries.ts';

export interface Finisher {
  readonly playerId: string;
  readonly nickname: string;
  /** The role the person's seat started with; with the plan it gives their role in every round. */
  readonly firstRole: Role;
}

export interface ChallengeRun {
  readonly kind: ChallengeKind;
  readonly day: string;
  readonly challenge: ChallengeState;
  /** A bot played a person's seat for part of the run, so it is not a fair score. */
  readonly assisted: boolean;
  /** Each round played, kept as a round record (its replay and capture file), in order. */
  readonly rounds: ChallengeResultPayload['rounds'];
}

/** The board a run's points are ranked on: that day's daily board, or the all-time one. */
export function boardOf(run: ChallengeRun): BoardScope {
  const { difficulty, seats } = run.challenge;
  return run.kind === 'daily' ? { board: 'daily', day: run.day, seats, difficulty } : { board: 'all', seats, difficulty };
}

/** How the run stands on its board; a database that fails makes it `unsaved`, never a lost result. */
async function standingOf(store: ChallengeEntryStore, run: ChallengeRun, who: Finisher, now: number):
  Promise<Pick<ChallengeResultPayload, 'standing' | 'rank' | 'boardSize'>> {
  const c = run.challenge;
  const scope = boardOf(run);
  try {
    let standing: ChallengeStanding = 'assisted';
    if (!run.assisted) {
      const tally = tallyChallenge(c.moves);
      const stored = await store.record({
        playerId: who.playerId, nickname: who.nickname, kind: run.kind, day: run.day, seed: c.seed,
        difficulty: c.difficulty, seats: c.seats, points: c.points, accuracy: tally.accuracy,
        bestStreak: tally.bestStreak, roundsWon: c.roundsWon, createdAt: now,
      });
      // Only a daily entry can be refused: the player's first finished daily of the day counts.
      standing = stored ? 'ranked' : 'practice';
    }
    return { standing, rank: await store.rankOf(scope, c.points, who.playerId), boardSize: await store.size(scope) };
  } catch (e) {
    logger.error(`challenge entry of ${who.playerId} not stored:`, e);
    return { standing: 'unsaved', rank: 0, boardSize: 0 };
  }
}

/** Stores the person's entry when it counts, and says how it stands. */
export async function settle(store: ChallengeEntryStore, run: ChallengeRun, who: Finisher, now: number): Promise<ChallengeResultPayload> {
  const c = run.challenge;
  const tally = tallyChallenge(c.moves);
  const { standing, rank, boardSize } = await standingOf(store, run, who, now);
  const scope = boardOf(run);
  const mistakes = c.moves.flatMap((m): ChallengeMistake[] => (m.verdict === 'correct' || m.verdict === 'stale' ? [] : [{
    ...toMoveView(m), verdict: m.verdict, roundIndex: m.roundIndex, scenarioId: m.scenarioId,
    mine: seatRoleIn(c.seed, m.roundIndex, who.firstRole) === m.role,
  }]));
  return {
    kind: run.kind, day: run.day, difficulty: c.difficulty, seats: c.seats, points: c.points,
    accuracy: tally.accuracy, correct: tally.correct, judged: tally.judged, bestStreak: tally.bestStreak,
    roundsWon: c.roundsWon, roundsPlayed: c.index + 1, standing,
    board: scope.board, rank, boardSize,
    mistakes: mistakes.slice(0, LEADERBOARD.mistakesShown), mistakeCount: mistakes.length, rounds: run.rounds,
    share: {
      key: run.kind === 'daily' ? 'challenge.shareDaily' : 'challenge.shareFree',
      params: { day: run.day, points: c.points, accuracy: tally.accuracy },
    },
  };
}
