/**
 * The retention policy, with time as an input: classes created and never given a round go after
 * ABANDONED_CLASS_HOURS (unless still open), free-play challenge entries after FREE_PLAY_DAYS;
 * a class that played, and daily entries, stay.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASS_SETTINGS } from '../../shared/classroom/settings.ts';
import { loadConfig } from '../../server/config.ts';
import { sweepStoredData } from '../../server/storage/retention.ts';
import { openStores } from '../../server/storage/stores.ts';
import type { ChallengeEntry } from '../../server/storage/challengeEntries.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const rules = loadConfig({}).retention;

const entry = (over: Partial<ChallengeEntry>): ChallengeEntry => ({
  playerId: 'p', nickname: 'x', kind: 'free', day: '2026-01-01', seed: 1, difficulty: 'flags', seats: 'solo',
  points: 100, accuracy: 90, bestStreak: 4, roundsWon: 2, createdAt: 0, ...over,
});

describe('the retention sweep', () => {
  it('deletes abandoned classes and old free-play entries, and keeps the rest', () => {
    const stores = openStores(':memory:');
    const newClass = (code: string, createdAt: number) =>
      stores.classes.create({ code, secretHash: 'h'.repeat(64), locale: 'en', settings: DEFAULT_CLASS_SETTINGS, createdAt });
    newClass('AAAAA', 0);
    stores.classes.addStudent({ id: 's1', classCode: 'AAAAA', nickname: 'Mei', tokenHash: 't'.repeat(64), joinedAt: 1 });
    newClass('BBBBB', 0);
    stores.classes.startRound('BBBBB', 1, 'handshake', 10);
    newClass('CCCCC', 0);
    newClass('DDDDD', 20 * HOUR);
    stores.challenges.record(entry({ playerId: 'old', createdAt: 0 }));
    stores.challenges.record(entry({ playerId: 'daily', kind: 'daily', createdAt: 0 }));
    stores.challenges.record(entry({ playerId: 'recent', createdAt: 80 * DAY }));

    // One day on: AAAAA never played; CCCCC never played either but is still open.
    const first = sweepStoredData(stores, rules, 25 * HOUR, (code) => code === 'CCCCC');
    expect(first).toEqual({ abandonedClasses: 1, freePlayEntries: 0 });
    expect(['AAAAA', 'BBBBB', 'CCCCC', 'DDDDD'].map((c) => stores.classes.exists(c))).toEqual([false, true, true, true]);
    expect(stores.classes.students('AAAAA')).toEqual([]);

    // Ninety days on: the first free-play entry goes, the daily one and the recent one stay.
    const later = sweepStoredData(stores, rules, 90 * DAY + 1, () => false);
    expect(later).toEqual({ abandonedClasses: 2, freePlayEntries: 1 });
    const all = stores.challenges.top({ board: 'all', seats: 'solo' });
    expect(all.length).toBe(2);
    expect(stores.classes.exists('BBBBB')).toBe(true);
  });
});
