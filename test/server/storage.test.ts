import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/storage/database.ts';
import { MIGRATIONS } from '../../server/storage/migrations.ts';
import { RoundResultStore, type RoundResult } from '../../server/storage/roundResults.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const result = (over: Partial<RoundResult> = {}): RoundResult => ({
  mode: 'private', roomCode: 'AB3K7', roundNo: 1, scenarioId: 'handshake', status: 'won', playerId: 'p1',
  nickname: '小明', role: 'client', isBot: false, points: 296, correct: 2, mistakes: 0, missed: 0, hinted: 0, bestStreak: 2,
  moves: [], finishedAt: 1_000, ...over,
});

describe('the embedded database', () => {
  it('creates its file and schema on first open, and keeps results across a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tango-db-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'tango.sqlite');
    const first = openDatabase(file);
    new RoundResultStore(first).save([result(), result({ playerId: 'p2', nickname: 'Bob', role: 'server', roundNo: 1, hinted: 1 })]);
    first.close();
    const again = openDatabase(file);
    const rows = new RoundResultStore(again).forRoom('AB3K7');
    expect(rows.map((r) => [r.nickname, r.role, r.hinted])).toEqual([['小明', 'client', 0], ['Bob', 'server', 1]]);
    expect((again.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(MIGRATIONS.at(-1)?.version);
    again.close();
  });

  it('writes a round all or nothing', () => {
    const db = openDatabase(':memory:');
    const store = new RoundResultStore(db);
    const bad = { ...result({ playerId: 'p2' }), nickname: null } as unknown as RoundResult;
    expect(() => store.save([result(), bad])).toThrow();
    expect(store.forRoom('AB3K7')).toEqual([]);
  });
});
