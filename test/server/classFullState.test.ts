/**
 * A class of 200 is sent whole to every screen that joins it (Colyseus's full state), and that
 * state is bigger than Colyseus's 16 KB encoding buffer. Colyseus grows a copy of the buffer for
 * each full encoding and keeps none (its SchemaSerializer's `fullEncodeBuffer`), so every join
 * encoded the class twice and logged a "buffer overflow" warning: 200 of them as a class came
 * in. A class room starts with buffers a full class fits in (server/rooms/common/fullState.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStores } from '../../server/storage/stores.ts';
import { LIMITS, TEACHER_MSG } from '../../shared/protocol.ts';
import { bootGame, freshClient, until, type TestServer } from './gameServer.ts';
import { classConfig, command, createClass, joinClass } from './classroomHarness.ts';

/** A nickname as long as one may be, in characters of three bytes each: the biggest class there is. */
const longestName = (n: number): string => `${'測'.repeat(LIMITS.nicknameMax - 3)}${String(n).padStart(3, '0')}`;

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(classConfig(), openStores(':memory:')); });
afterAll(async () => { await colyseus.shutdown(); });

describe('a full class joining', () => {
  it('is encoded for each newcomer without outgrowing the class room\'s buffer', async () => {
    const warned = vi.spyOn(console, 'warn');
    try {
      const teacher = await createClass(colyseus);
      for (let batch = 0; batch < 4; batch++) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => joinClass(teacher.code, longestName(batch * 50 + i + 1))));
      }
      await until(teacher.room, (s) => s.students.size === 200 && s.leaderboard.length === 200);
      await command(teacher.room, TEACHER_MSG.startRound);
      await until(teacher.room, (s) => s.tiles.length === 100);
      // A second teacher screen (the projector) joins the class in its biggest state: every student and tile.
      const projector = await freshClient().joinById(teacher.code, { teacher: true, secret: teacher.secret });
      await projector.waitForInitialState();
      expect((projector.state as { students: Map<string, unknown> }).students.size).toBe(200);
      const overflows = warned.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('buffer overflow'));
      expect(overflows).toEqual([]);
    } finally {
      warned.mockRestore();
    }
  }, 60_000);
});
