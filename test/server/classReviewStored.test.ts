/**
 * A class enters its review once every pair has reported its round, and the teacher may open
 * the report that very instant: a pair reports only once its round is stored, so the report
 * has every pair's round even on a slow database, and a database that hangs does not hold the
 * class in its round.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStores } from '../../server/storage/stores.ts';
import { classReportPath, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport } from '../../shared/protocol.ts';
import { bootGame, TEST_URL, until, type TestServer } from './gameServer.ts';
import { classConfig, command, createClass, joinClass, playRound } from './classroomHarness.ts';

const stores = openStores(':memory:');
/** What each write of a round's result or record waits first: a slow database, or one that never answers. */
let writeDelay: 'none' | 'slow' | 'hangs' = 'none';
const SLOW_MS = 800;

/** The hung writes, answered at the end (a room's disposal waits for its writes, and so the server's shutdown). */
const hung: (() => void)[] = [];

function slowed<A extends unknown[]>(write: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    if (writeDelay === 'hangs') return new Promise<void>((resolve) => hung.push(resolve));
    if (writeDelay === 'slow') await sleep(SLOW_MS);
    return write(...args);
  };
}
stores.results.save = slowed(stores.results.save.bind(stores.results));
stores.rounds.save = slowed(stores.rounds.save.bind(stores.rounds));

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(classConfig(), stores); });
afterAll(async () => {
  writeDelay = 'none';
  for (const answer of hung) answer();
  await colyseus.shutdown();
});
beforeEach(async () => { await colyseus.cleanup(); });

/** A class of two plays one handshake round to its end; resolves when the class is in its review. */
async function oneRound(): Promise<{ code: string; secret: string; reviewAfterMs: number }> {
  const teacher = await createClass(colyseus, { playlist: ['handshake'] });
  const [amy, bo] = [await joinClass(teacher.code, 'Amy'), await joinClass(teacher.code, 'Bo')];
  await until(teacher.room, (s) => s.students.size === 2);
  await command(teacher.room, TEACHER_MSG.startRound);
  await Promise.all([playRound(amy), playRound(bo)]);
  const finished = Date.now();
  await until(teacher.room, (s) => s.phase === 'review', 15_000);
  return { code: teacher.code, secret: teacher.secret, reviewAfterMs: Date.now() - finished };
}

describe('a class\'s review and its report', () => {
  it('on a slow database, the report opened the instant the review begins has the pair\'s round and both students\' results', async () => {
    writeDelay = 'slow';
    const { code, secret, reviewAfterMs } = await oneRound();
    const res = await fetch(`${TEST_URL}${classReportPath(code)}`, { headers: { [TEACHER_SECRET_HEADER]: secret } });
    const report = await res.json() as ClassReport;
    expect(report.pairRounds).toHaveLength(1);
    expect(report.students.map((s) => [s.nickname, s.roundsPlayed]).sort()).toEqual([['Amy', 1], ['Bo', 1]]);
    // The review waited for the writes.
    expect(reviewAfterMs).toBeGreaterThanOrEqual(SLOW_MS);
  });

  it('on a database that never answers, the class still moves on to its review', async () => {
    writeDelay = 'hangs';
    const { reviewAfterMs } = await oneRound();
    expect(reviewAfterMs).toBeLessThan(10_000);
  });
});
