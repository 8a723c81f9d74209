/**
 * What a revived class is made of, and how it ends, in one process: a class left open in the
 * database comes back under its code from what is stored (the process tests, classroomCrash and
 * classroomRestart, kill and restart a real server); a revived class nobody returns to closes
 * like any class left empty, and is then ended in the database, so no later start revives it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/rooms/classroom/classAuth.ts';
import { reviveOpenClasses } from '../../server/rooms/classroom/classRevival.ts';
import { openStores } from '../../server/storage/stores.ts';
import { DEFAULT_CLASS_SETTINGS } from '../../shared/classroom/settings.ts';
import { errorCodeOf } from '../../shared/protocol.ts';
import { bootGame, freshClient, until, type TestServer } from './gameServer.ts';
import { classConfig, joinClass } from './classroomHarness.ts';

const IDLE_MS = 400;
let colyseus: TestServer;
const stores = openStores(':memory:');
const TOKEN = 't'.repeat(43);

/** A class as a killed process leaves it: open, with a student and a round that never ended. */
async function leftOpen(code: string): Promise<void> {
  const settings = { ...DEFAULT_CLASS_SETTINGS, playlist: ['handshake' as const], rounds: 1 };
  await stores.classes.create({ code, secretHash: hashSecret('s'.repeat(43)), locale: 'en', settings, createdAt: Date.now() - 60_000 });
  await stores.classes.addStudent({ id: `${code}-amy`, classCode: code, nickname: 'Amy', tokenHash: hashSecret(`${TOKEN}${code}`), joinedAt: Date.now() - 50_000 });
  await stores.classes.startRound(code, 1, 'handshake', Date.now() - 40_000);
}

beforeAll(async () => {
  colyseus = await bootGame(classConfig({ idleMs: IDLE_MS }), stores);
});
afterAll(async () => { await colyseus.shutdown(); });

describe('a class revived after a restart', () => {
  it('comes back from storage, and closes for good once nobody has been in it for the idle time', async () => {
    await leftOpen('RVVA2');
    await leftOpen('RVVB3');
    expect(await reviveOpenClasses(stores.classes)).toEqual(['RVVA2', 'RVVB3']);
    expect((await stores.classes.rounds('RVVA2')).map((r) => r.interrupted)).toEqual([true]);

    // Amy comes back to the first with her token; nobody comes back to the second.
    const amy = await joinClass('RVVA2', 'Amy', `${TOKEN}RVVA2`);
    expect(amy.welcome).toMatchObject({ studentId: 'RVVA2-amy', nickname: 'Amy' });
    const state = await until(amy.room, (s) => s.phase === 'review' && s.round === 1);
    expect([...state.students.keys()]).toEqual(['RVVA2-amy']);

    await waitFor(async () => (await stores.classes.get('RVVB3'))?.endedAt !== null);
    expect((await stores.classes.get('RVVA2'))?.endedAt).toBeNull();
    await expect(freshClient().joinById('RVVB3', { nickname: 'Bo' }).catch(errorCodeOf)).resolves.toBe('roomNotFound');

    await amy.room.leave();
    await waitFor(async () => (await stores.classes.get('RVVA2'))?.endedAt !== null);
    // Ended classes stay ended: the next start brings back neither.
    expect(await reviveOpenClasses(stores.classes)).toEqual([]);
  });
});

/** Polls the database until `condition` holds (rooms end classes on their own timers). */
async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
