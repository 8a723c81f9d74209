/**
 * The timed challenge's leaderboards over HTTP: `GET /api/leaderboard?board=daily|all&day=…
 * &difficulty=…&seats=…&player=…` answers the top 100 and, with `player`, that player's own
 * line wherever it ranks. Read-only: entries are written by challenge rooms alone.
 */
import type { Application } from 'express';
import { challengeDay } from '../../shared/challenge/plan.ts';
import { LEADERBOARD, type ErrorPayload, type LeaderboardReply } from '../../shared/protocol.ts';
import { leaderboardQuerySchema } from '../../shared/validation.ts';
import type { BoardScope, ChallengeEntryStore } from '../storage/challengeEntries.ts';

export function serveLeaderboard(app: Application, store: ChallengeEntryStore, now: () => number = Date.now): void {
  app.get(LEADERBOARD.path, async (req, res) => {
    const parsed = leaderboardQuerySchema.safeParse(req.query);
    // A day only means something for the daily board; asking for it on another is a mistake.
    if (!parsed.success || (parsed.data.board === 'all' && parsed.data.day !== undefined)) {
      res.status(400).json({ code: 'badLeaderboardQuery' } satisfies ErrorPayload);
      return;
    }
    const q = parsed.data;
    const day = q.board === 'daily' ? (q.day ?? challengeDay(now())) : undefined;
    const scope: BoardScope = { board: q.board, seats: q.seats, difficulty: q.difficulty, day };
    const reply: LeaderboardReply = {
      board: q.board, day: day ?? null, difficulty: q.difficulty ?? null, seats: q.seats,
      size: await store.size(scope), top: await store.top(scope), you: q.player ? await store.lineOf(scope, q.player) : null,
    };
    // Boards change with every finished challenge; a cached one would hide a new entry.
    res.set('Cache-Control', 'no-store').json(reply);
  });
}
