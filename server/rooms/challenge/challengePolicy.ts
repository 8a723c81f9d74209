/**
 * A timed challenge as a round policy for the seated clock (seated/seatedClock.ts): the pure
 * challenge reducer plays scenario after scenario, and the challenge's time is a hard deadline
 * the engine's own timers do not know. The view shows the run's points and tally.
 */
import { seatRoleIn } from '../../../shared/challenge/plan.ts';
import { challengeStep, type ChallengeState } from '../../../shared/challenge/run.ts';
import { tallyChallenge } from '../../../shared/challenge/tally.ts';
import type { RoundPolicy } from '../seated/roundPolicy.ts';
import type { Seat } from '../seated/seats.ts';
import { clearRound, projectMatch } from '../projection.ts';
import type { ChallengeRoomState } from '../schema/ChallengeRoomState.ts';

/** A seat of a challenge: the person's own id is what the leaderboard knows them by (null for the room's bot). */
export interface ChallengeSeat extends Seat {
  readonly playerId: string | null;
}

export function challengePolicy(view: ChallengeRoomState): RoundPolicy<ChallengeState, ChallengeSeat> {
  return {
    match: (c) => c.round,
    step: (c, input) => challengeStep(c, input),
    ended: (before, after) => after.finished && !before.finished,
    deadline: (c) => c.endsAt,
    cutShort: (c, now) => ({ ...c, endsAt: Math.min(c.endsAt, now) }),
    // The plan names the role of the first seat (the person, in solo); the second seat plays the other end.
    roleOf: (seat, c) => (c ? seatRoleIn(c.seed, c.index, seat.firstRole) : seat.firstRole),
    // The points belong to the people; the room's bot earns nothing.
    total: (seat) => (seat.playerId ? view.points : 0),
    ready: () => true,
    project: (c, before) => {
      // A new round starts from an empty lane and ladder.
      if (before?.index !== c.index) clearRound(view);
      projectMatch(view, c.round);
      const tally = tallyChallenge(c.moves);
      Object.assign(view, {
        round: c.index + 1, lossRate: c.round.settings.lossRate, points: c.points, roundsWon: c.roundsWon,
        correct: tally.correct, judged: tally.judged, streak: tally.streak, bestStreak: tally.bestStreak,
        finished: c.finished, phase: c.finished ? 'finished' : 'playing',
      });
      if (view.humanRoles.join() !== c.humanRoles.join()) {
        view.humanRoles.clear();
        view.humanRoles.push(...c.humanRoles);
      }
    },
  };
}
