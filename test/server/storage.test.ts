/**
 * The storage suite, run against every backend (storageBackends.ts): the same stores, the same
 * migrations, the same answers from SQLite and from Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLASS_SETTINGS } from '../../shared/classroom/settings.ts';
import { loadConfig } from '../../server/config.ts';
import type { ChallengeEntry } from '../../server/storage/challengeEntries.ts';
import { MIGRATIONS } from '../../server/storage/migrations.ts';
import { sweepStoredData } from '../../server/storage/retention.ts';
import { newRoundRecordId, type StoredRound } from '../../server/storage/roundRecords.ts';
import type { RoundResult } from '../../server/storage/roundResults.ts';
import type { Stores } from '../../server/storage/stores.ts';
import { storageBackends } from './storageBackends.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A time past 2^31 milliseconds, as every real one is: it must come back a number, whole. */
const NOW = 1_796_000_000_123;

const result = (over: Partial<RoundResult> = {}): RoundResult => ({
  mode: 'private', roomCode: 'AB3K7', roundNo: 1, scenarioId: 'handshake', status: 'won', playerId: 'p1',
  nickname: '小明', role: 'client', isBot: false, points: 296, correct: 2, mistakes: 0, missed: 0, hinted: 0, bestStreak: 2,
  moves: [], finishedAt: NOW, ...over,
});

const entry = (over: Partial<ChallengeEntry>): ChallengeEntry => ({
  playerId: 'p', nickname: 'x', kind: 'daily', day: '2020-01-15', seed: 2 ** 31 + 7, difficulty: 'flags', seats: 'solo',
  points: 100, accuracy: 90, bestStreak: 4, roundsWon: 2, createdAt: 0, ...over,
});

const newClass = (stores: Stores, code: string, createdAt: number) =>
  stores.classes.create({ code, secretHash: 'h'.repeat(64), locale: 'zh-Hant', settings: DEFAULT_CLASS_SETTINGS, createdAt });

const backends = await storageBackends();

for (const reason of backends.skipped) {
  describe.skip(`storage on ${reason.split('\n')[0]}`, () => {
    it('runs the same suite as on SQLite', () => undefined);
  });
}

describe.each(backends.available)('storage on $name', (backend) => {
  let stores: Stores;
  beforeAll(async () => { stores = await (await backend.place()).open(); });
  afterAll(async () => {
    await stores.sql.close();
    await backend.cleanUp();
  });

  it('creates its schema on first open, and keeps results across a reopen without migrating again', async () => {
    const place = await backend.place();
    const first = await place.open();
    await first.results.save([result(), result({ playerId: 'p2', nickname: 'Bob', role: 'server', hinted: 1, isBot: true })]);
    await first.sql.close();
    const again = await place.open();
    const rows = await again.results.forRoom('AB3K7');
    expect(rows.map((r) => [r.nickname, r.role, r.hinted, r.isBot, r.finishedAt])).toEqual([['小明', 'client', 0, false, NOW], ['Bob', 'server', 1, true, NOW]]);
    expect(await place.version(again)).toBe(MIGRATIONS.at(-1)?.version);
    await again.sql.close();
  });

  it('writes a round all or nothing', async () => {
    const bad = { ...result({ roomCode: 'ZZZZZ', playerId: 'p2' }), nickname: null } as unknown as RoundResult;
    await expect(stores.results.save([result({ roomCode: 'ZZZZZ' }), bad])).rejects.toThrow();
    expect(await stores.results.forRoom('ZZZZZ')).toEqual([]);
  });

  it('keeps a class, its students and rounds, and ends the ones a crashed process left open', async () => {
    await newClass(stores, 'CLASS', NOW);
    expect([await stores.classes.exists('CLASS'), await stores.classes.exists('NONE0')]).toEqual([true, false]);
    await stores.classes.saveSettings('CLASS', { ...DEFAULT_CLASS_SETTINGS, rounds: 7 });
    await stores.classes.setLocked('CLASS', true);
    await stores.classes.addStudent({ id: 's2', classCode: 'CLASS', nickname: 'Bo', tokenHash: 'b'.repeat(64), joinedAt: NOW + 2 });
    await stores.classes.addStudent({ id: 's1', classCode: 'CLASS', nickname: '美玲', tokenHash: 'a'.repeat(64), joinedAt: NOW + 1 });
    await stores.classes.kick('CLASS', 's2');
    await stores.classes.setAllowance('CLASS', 's1', 'untimed');
    await stores.classes.startRound('CLASS', 1, 'handshake', NOW + 10);
    await stores.classes.endRound('CLASS', 1, NOW + 20);
    await stores.classes.startRound('CLASS', 2, 'handshake', NOW + 30);
    // A round started again starts afresh.
    await stores.classes.startRound('CLASS', 2, 'client-close', NOW + 40);

    expect(await stores.classes.get('CLASS')).toMatchObject({
      code: 'CLASS', locale: 'zh-Hant', locked: true, createdAt: NOW, endedAt: null, settings: { rounds: 7 },
    });
    expect((await stores.classes.students('CLASS')).map((s) => [s.id, s.nickname, s.kicked, s.joinedAt, s.allowance])).toEqual([
      ['s1', '美玲', false, NOW + 1, 'untimed'], ['s2', 'Bo', true, NOW + 2, 'normal'],
    ]);
    // A class open on another process (the matchmaker finds it) is not an orphan.
    await newClass(stores, 'LIVE1', NOW);
    expect(await stores.classes.endOrphans(NOW + 50, async (code) => code === 'LIVE1')).toContain('CLASS');
    expect((await stores.classes.get('LIVE1'))?.endedAt).toBeNull();
    expect(await stores.classes.rounds('CLASS')).toEqual([
      { roundNo: 1, scenarioId: 'handshake', startedAt: NOW + 10, endedAt: NOW + 20, interrupted: false },
      { roundNo: 2, scenarioId: 'client-close', startedAt: NOW + 40, endedAt: NOW + 50, interrupted: true },
    ]);
    expect((await stores.classes.get('CLASS'))?.endedAt).toBe(NOW + 50);
    expect(await stores.classes.endOrphans(NOW + 60)).toEqual(['LIVE1']);
  });

  it('keeps a round record whole, found by its id or by its class', async () => {
    const round = (over: Partial<StoredRound>): StoredRound => ({
      id: newRoundRecordId(), mode: 'class', roomCode: 'PAIR1', roundNo: 1, classCode: 'RECS1', studentIds: ['s1', 's2'],
      record: { scenarioId: 'handshake' } as unknown as StoredRound['record'], createdAt: NOW, ...over,
    });
    const second = round({ roundNo: 2 });
    const first = round({ roomCode: 'PAIR2' });
    const solo = round({ mode: 'solo', classCode: null, studentIds: [] });
    for (const r of [second, first, solo]) await stores.rounds.save(r);
    expect(await stores.rounds.get(solo.id)).toEqual(solo);
    expect(await stores.rounds.get(newRoundRecordId())).toBeUndefined();
    expect((await stores.rounds.ofClass('RECS1')).map((r) => r.id)).toEqual([first.id, second.id]);
  });

  it('ranks a board by points, equal points sharing a rank with the earlier entry first, one daily entry a day', async () => {
    const ada = 'ada';
    expect(await stores.challenges.record(entry({ nickname: 'Bo', playerId: 'bo', points: 900, createdAt: 3_000 }))).toBe(true);
    await stores.challenges.record(entry({ nickname: 'Ada', playerId: ada, points: 700, createdAt: 2_000 }));
    await stores.challenges.record(entry({ nickname: 'Cy', playerId: 'cy', points: 700, createdAt: 1_000 }));
    // Ada's second daily of the day is refused; her better free run counts on the all-time board.
    expect(await stores.challenges.record(entry({ nickname: 'Ada', playerId: ada, points: 9_000, createdAt: 4_000 }))).toBe(false);
    await stores.challenges.record(entry({ nickname: 'Ada', playerId: ada, kind: 'free', points: 1_000, createdAt: 5_000 }));
    await stores.challenges.record(entry({ nickname: 'Eve', playerId: 'eve', points: 2_000, day: '2020-01-14', difficulty: 'expert' }));

    const daily = { board: 'daily', day: '2020-01-15', seats: 'solo', difficulty: 'flags' } as const;
    expect((await stores.challenges.top(daily)).map((r) => [r.rank, r.nickname, r.points])).toEqual([[1, 'Bo', 900], [2, 'Cy', 700], [2, 'Ada', 700]]);
    expect(await stores.challenges.size(daily)).toBe(3);
    expect(await stores.challenges.lineOf(daily, ada)).toMatchObject({ rank: 2, nickname: 'Ada', kind: 'daily', at: 2_000 });
    expect(await stores.challenges.lineOf(daily, 'eve')).toBeNull();
    expect(await stores.challenges.rankOf(daily, 800, 'someone')).toBe(2);

    const all = { board: 'all', seats: 'solo' } as const;
    expect((await stores.challenges.top(all)).map((r) => [r.rank, r.nickname, r.points])).toEqual([[1, 'Eve', 2_000], [2, 'Ada', 1_000], [3, 'Bo', 900], [4, 'Cy', 700]]);
    expect(await stores.challenges.size({ board: 'all', seats: 'pair' })).toBe(0);
  });

  describe('the retention sweep', () => {
    const rules = loadConfig({}).retention;
    it('deletes abandoned classes and old free-play entries, and keeps the rest', async () => {
      const s = await (await backend.place()).open();
      await newClass(s, 'AAAAA', 0);
      await s.classes.addStudent({ id: 's1', classCode: 'AAAAA', nickname: 'Mei', tokenHash: 't'.repeat(64), joinedAt: 1 });
      await newClass(s, 'BBBBB', 0);
      await s.classes.startRound('BBBBB', 1, 'handshake', 10);
      await newClass(s, 'CCCCC', 0);
      await newClass(s, 'DDDDD', 20 * HOUR);
      await s.challenges.record(entry({ playerId: 'old', kind: 'free', createdAt: 0 }));
      await s.challenges.record(entry({ playerId: 'daily', kind: 'daily', createdAt: 0 }));
      await s.challenges.record(entry({ playerId: 'recent', kind: 'free', createdAt: 80 * DAY }));

      // One day on: AAAAA never played; CCCCC never played either but is still open.
      expect(await sweepStoredData(s, rules, 25 * HOUR, (code) => code === 'CCCCC')).toEqual({ abandonedClasses: 1, freePlayEntries: 0 });
      expect(await Promise.all(['AAAAA', 'BBBBB', 'CCCCC', 'DDDDD'].map((c) => s.classes.exists(c)))).toEqual([false, true, true, true]);
      expect(await s.classes.students('AAAAA')).toEqual([]);

      // Ninety days on: the first free-play entry goes, the daily one and the recent one stay.
      expect(await sweepStoredData(s, rules, 90 * DAY + 1, () => false)).toEqual({ abandonedClasses: 2, freePlayEntries: 1 });
      expect(await s.challenges.top({ board: 'all', seats: 'solo' })).toHaveLength(2);
      expect(await s.classes.exists('BBBBB')).toBe(true);
      await s.sql.close();
    });

    it('deletes a backlog a batch at a time, passing over an open class, until none is left', async () => {
      const s = await (await backend.place()).open();
      const codes = ['AAAA1', 'AAAA2', 'AAAA3', 'AAAA4', 'AAAA5', 'AAAA6', 'AAAA7'];
      for (const code of codes) await newClass(s, code, 0);
      await s.classes.addStudent({ id: 's1', classCode: 'AAAA6', nickname: 'Mei', tokenHash: 't'.repeat(64), joinedAt: 1 });
      for (let i = 0; i < 5; i++) await s.challenges.record(entry({ playerId: `old${i}`, kind: 'free', createdAt: i }));
      await s.challenges.record(entry({ playerId: 'daily', kind: 'daily', createdAt: 0 }));

      // Two at a time: an open class in the first batch would stop a sweep that looked it up again.
      expect(await s.classes.deleteAbandoned(HOUR, (code) => code === 'AAAA2', 2)).toBe(6);
      expect(await Promise.all(codes.map((c) => s.classes.exists(c)))).toEqual([false, true, false, false, false, false, false]);
      expect(await s.classes.students('AAAA6')).toEqual([]);
      expect(await s.challenges.forgetFreePlayBefore(HOUR, 2)).toBe(5);
      expect((await s.challenges.top({ board: 'all', seats: 'solo' })).map((r) => r.nickname)).toEqual(['x']);
      await s.sql.close();
    });
  });
});
