import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { challengeDay } from '../../shared/challenge/plan.ts';
import { LEADERBOARD, type LeaderboardReply } from '../../shared/protocol.ts';
import type { ChallengeEntry } from '../../server/storage/challengeEntries.ts';
import { openStores, type Stores } from '../../server/storage/stores.ts';
import { bootGame, TEST_URL, type TestServer } from './gameServer.ts';
import { challengeConfig, createChallenge, followHints, newPlayerId, resultOf } from './challengeClient.ts';

const BASE = TEST_URL;
const dir = mkdtempSync(join(tmpdir(), 'tango-board-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * GET on a fresh connection: these tests restart the server, and a pooled keep-alive socket of
 * the previous one (what fetch would reuse) is closed under the request.
 */
function board(query: string): Promise<{ status: number; body: LeaderboardReply }> {
  return new Promise((resolve, reject) => {
    get(`${BASE}${LEADERBOARD.path}?${query}`, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; }).on('error', reject)
        .on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as LeaderboardReply }));
    }).on('error', reject);
  });
}

const entry = (over: Partial<ChallengeEntry>): ChallengeEntry => ({
  playerId: newPlayerId(), nickname: 'x', kind: 'daily', day: '2020-01-15', seed: 1, difficulty: 'flags', seats: 'solo',
  points: 0, accuracy: 90, bestStreak: 4, roundsWon: 2, createdAt: 1_000, ...over,
});

/** Boots a server on `stores`, runs `work`, and shuts it down again, as a restart would. */
async function withServer(stores: Stores, work: (colyseus: TestServer) => Promise<void>): Promise<void> {
  const colyseus = await bootGame(challengeConfig(), stores);
  try {
    await work(colyseus);
  } finally {
    await colyseus.shutdown();
  }
}

describe('the challenge leaderboards', () => {
  it('rank by points, equal points share a rank (earlier entry listed first), and show the asker their own line', async () => {
    const stores = openStores(':memory:');
    const ada = newPlayerId();
    const late = newPlayerId();
    await stores.challenges.record(entry({ nickname: 'Bo', points: 900, createdAt: 3_000 }));
    await stores.challenges.record(entry({ nickname: 'Ada', playerId: ada, points: 700, createdAt: 2_000 }));
    await stores.challenges.record(entry({ nickname: 'Cy', points: 700, createdAt: 1_000 }));
    await stores.challenges.record(entry({ nickname: 'Di', playerId: late, points: 500, createdAt: 4_000 }));
    // Another day, another difficulty, a pair: each on its own board.
    await stores.challenges.record(entry({ nickname: 'Eve', points: 2_000, day: '2020-01-14' }));
    await stores.challenges.record(entry({ nickname: 'Fay', points: 1_500, difficulty: 'expert' }));
    await stores.challenges.record(entry({ nickname: 'Gus', points: 3_000, seats: 'pair' }));
    // Ada's free practice is better than her daily: the all-time board keeps each player's best.
    await stores.challenges.record(entry({ nickname: 'Ada', playerId: ada, kind: 'free', points: 1_000, createdAt: 5_000 }));

    await withServer(stores, async () => {
      const daily = await board(`board=daily&day=2020-01-15&difficulty=flags&player=${late}`);
      expect(daily.status).toBe(200);
      expect(daily.body.top.map((r) => [r.rank, r.nickname, r.points])).toEqual([[1, 'Bo', 900], [2, 'Cy', 700], [2, 'Ada', 700], [4, 'Di', 500]]);
      expect(daily.body.you).toMatchObject({ rank: 4, nickname: 'Di' });
      expect(daily.body).toMatchObject({ board: 'daily', day: '2020-01-15', difficulty: 'flags', seats: 'solo', size: 4 });
      expect(JSON.stringify(daily.body)).not.toContain(ada);

      expect((await board('board=daily&day=2020-01-15')).body.top.map((r) => r.nickname)).toEqual(['Fay', 'Bo', 'Cy', 'Ada', 'Di']);
      expect((await board('board=daily&day=2020-01-15&seats=pair')).body.top.map((r) => r.nickname)).toEqual(['Gus']);

      const all = await board(`board=all&difficulty=flags&player=${ada}`);
      expect(all.body.top.map((r) => [r.rank, r.nickname, r.points])).toEqual([[1, 'Eve', 2_000], [2, 'Ada', 1_000], [3, 'Bo', 900], [4, 'Cy', 700], [5, 'Di', 500]]);
      expect(all.body.you).toMatchObject({ rank: 2, kind: 'free' });

      // Today is the default day; nobody has played today here.
      expect((await board('board=daily')).body).toMatchObject({ day: challengeDay(Date.now()), size: 0, top: [], you: null });
      for (const bad of ['', 'board=weekly', 'board=daily&day=2026-02-30', 'board=all&day=2020-01-15', 'board=daily&difficulty=hard',
        'board=daily&player=x', 'board=daily&limit=5', 'board=daily&board=all']) {
        const res = await board(bad);
        expect(res.status, bad).toBe(400);
        expect(res.body, bad).toEqual({ code: 'badLeaderboardQuery' });
      }
    });
  });

  it('shows at most the top 100, and the asker wherever they rank', async () => {
    const stores = openStores(':memory:');
    const last = newPlayerId();
    for (let i = 0; i < 120; i++) await stores.challenges.record(entry({ nickname: `p${i}`, points: 10_000 - i }));
    await stores.challenges.record(entry({ nickname: 'Last', playerId: last, points: 1 }));
    await withServer(stores, async () => {
      const { body } = await board(`board=daily&day=2020-01-15&player=${last}`);
      expect(body.top).toHaveLength(100);
      expect(body.size).toBe(121);
      expect(body.you).toMatchObject({ rank: 121, nickname: 'Last' });
    });
  });

  it('keeps the leaderboard across a restart of the server on the same data file', async () => {
    const file = join(dir, 'tango.sqlite');
    const playerId = newPlayerId();
    let points = 0;
    const before = openStores(file);
    await withServer(before, async (colyseus) => {
      const room = await createChallenge(colyseus, { nickname: '小明', playerId, kind: 'daily' });
      const result = resultOf(room);
      await followHints(room);
      points = (await result).points;
    });
    await before.sql.close();

    const after = openStores(file);
    await withServer(after, async () => {
      const { body } = await board(`board=daily&player=${playerId}`);
      expect(body.you).toMatchObject({ rank: 1, nickname: '小明', points });
      expect(body.top).toHaveLength(1);
    });
    await after.sql.close();
  });
});
