import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listenToPairs, type PairReport } from '../../server/rooms/pair/classChannels.ts';
import { TILE_EVERY_MS } from '../../server/rooms/pair/tileReport.ts';
import { openStores } from '../../server/storage/stores.ts';
import { errorCodeOf, TEACHER_MSG, type WatchPairReply } from '../../shared/protocol.ts';
import { bootGame, followHints, freshClient, me, play, until, type PairRoom, type TestServer } from './gameServer.ts';
import { classConfig, command, createClass, joinClass, takeSeat, twoSeated } from './classroomHarness.ts';

/**
 * Plays the hinted card every `thinkMs` until the round is over, whatever the verdicts (a test's
 * short timers can change the hint meanwhile). A round that outlasts `withinMs` fails with the
 * pair's state rather than leaving the test to time out without one.
 */
async function playAtPace(pair: PairRoom, thinkMs: number, withinMs = 25_000): Promise<void> {
  const giveUpAt = performance.now() + withinMs;
  while (pair.state.phase === 'playing') {
    if (performance.now() > giveUpAt) throw new Error(`still playing after ${withinMs} ms: ${JSON.stringify(pair.state.toJSON()).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, thinkMs));
    const card = me(pair).hints[0];
    if (card && pair.state.phase === 'playing') await play(pair, { card }).catch(() => undefined);
  }
}

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(classConfig(), openStores(':memory:')); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

describe('the teacher\'s tiles', () => {
  it('show each pair\'s nicknames, states and progress on the teacher\'s screens only, and the steps after the round', async () => {
    const { teacher, amy, a, b } = await twoSeated(colyseus);
    const start = await until(teacher.room, (s) => s.tiles.length === 1);
    const names = [start.tiles[0]!.client, start.tiles[0]!.server].sort();
    expect(names).toEqual(['Amy', 'Bo']);

    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
    const sent = await until(teacher.room, (s) => s.tiles[0]?.clientState === 'SYN-SENT' && s.tiles[0].right === 1);
    expect(sent.tiles[0]!.status).toBe('playing');
    expect(sent.tiles[0]!.progress).toBeGreaterThan(0);
    expect(sent.tiles[0]!.progress).toBeLessThan(100);
    expect(amy.room.state.tiles ?? []).toHaveLength(0);

    await Promise.all([followHints(a), followHints(b)]);
    const review = await until(teacher.room, (s) => s.phase === 'review');
    expect(review.tiles[0]!.toJSON()).toMatchObject({ status: 'won', progress: 100, clientState: 'ESTABLISHED', serverState: 'ESTABLISHED', stuck: false });
    // Every student sees the chart of the round's steps and what comes next.
    const seen = await until(amy.room, (s) => s.phase === 'review' && s.steps.length > 0);
    // (The tests' short timers may fire a retransmission too: those are steps of their own.)
    const steps = seen.steps.map((s) => s.toJSON());
    expect(steps.slice(0, 3).map((s) => s.skill)).toEqual(['open', 'answerSyn', 'completeHandshake']);
    expect(steps.every((s) => s.right >= 1 && s.wrong === 0)).toBe(true);
    // A class of one scenario played once has no next round.
    expect(seen.nextScenarioId).toBe('');
  });

  it('name the next round\'s scenario from the lobby on, following the teacher\'s settings', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake', 'client-close'] });
    const amy = await joinClass(teacher.code, 'Amy');
    expect((await until(amy.room, (s) => s.nextScenarioId !== '')).nextScenarioId).toBe('handshake');
    await command(teacher.room, TEACHER_MSG.settings, { playlist: ['lost-syn', 'simultaneous-open'] });
    expect((await until(amy.room, (s) => s.nextScenarioId !== 'handshake')).nextScenarioId).toBe('lost-syn');
  });

  it('arrive at most twice a second per pair (and once at its end), and only when something changed', async () => {
    const teacher = await createClass(colyseus, { playlist: ['whole-life'] });
    const students = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map((n) => joinClass(teacher.code, n)));
    await until(teacher.room, (s) => s.students.size === 6);
    const tiles: Extract<PairReport, { kind: 'tile' }>[] = [];
    const at = new Map<string, number[]>();
    await listenToPairs(matchMaker.presence, teacher.code, (r) => {
      if (r.kind !== 'tile') return;
      tiles.push(r);
      at.set(r.pairCode, [...(at.get(r.pairCode) ?? []), performance.now()]);
    });
    const began = performance.now();
    await command(teacher.room, TEACHER_MSG.startRound);
    const pairs = await Promise.all(students.map((s) => takeSeat(s)));
    await Promise.all(pairs.map(({ pair }) => until(pair, (s) => s.phase === 'playing').then(() => followHints(pair))));
    await until(teacher.room, (s) => s.phase === 'review', 20_000);
    const seconds = (performance.now() - began) / 1000;

    expect(at.size).toBe(3);
    for (const times of at.values()) {
      // A look every TILE_EVERY_MS, a report only from a look that saw a change, and one last
      // report with the round's result (the only one off the beat).
      expect(times.length).toBeLessThanOrEqual(Math.ceil((seconds * 1000) / TILE_EVERY_MS) + 1);
      // (Measured where they arrive, which a busy test process delays unevenly: half the beat at least.)
      for (let i = 1; i < times.length - 1; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThan(TILE_EVERY_MS * 0.5);
    }
    // Consecutive reports of a pair differ: nothing is sent twice.
    for (const code of at.keys()) {
      const mine = tiles.filter((r) => r.pairCode === code).map((r) => JSON.stringify(r.tile));
      for (let i = 1; i < mine.length; i++) expect(mine[i]).not.toBe(mine[i - 1]);
    }
    const final = teacher.room.state.tiles.map((t) => t.status);
    expect(final).toEqual(['won', 'won', 'won']);
  }, 40_000);

  it('change on the teacher\'s screens at most once a second, so students are not sent a patch for every move', async () => {
    // Each patch that changes a tile (for teacher screens only) sends every student an empty one.
    const teacher = await createClass(colyseus, { playlist: ['whole-life'] });
    const students = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map((n) => joinClass(teacher.code, n)));
    await until(teacher.room, (s) => s.students.size === 6);
    await command(teacher.room, TEACHER_MSG.startRound);
    const pairs = await Promise.all(students.map((s) => takeSeat(s)));
    await Promise.all(pairs.map(({ pair }) => until(pair, (s) => s.phase === 'playing' && s.serverTime >= s.roundClockStartsAt)));
    let studentPatches = 0;
    const progress = new Set<string>();
    students[0]!.room.onStateChange(() => studentPatches++);
    teacher.room.onStateChange((s) => progress.add(s.tiles.map((t) => t.right).join()));
    const began = performance.now();
    // Players who take a third of a second for each card: tiles change several times a second.
    await Promise.all(pairs.map(({ pair }) => playAtPace(pair, 350)));
    await until(teacher.room, (s) => s.phase === 'review', 20_000);
    const seconds = (performance.now() - began) / 1000;
    // The tiles moved on while the pairs played, a few times…
    expect(progress.size).toBeGreaterThanOrEqual(3);
    // …and each student had one patch a second from them at most, besides the few the round's end brings.
    expect(studentPatches).toBeLessThanOrEqual(Math.ceil(seconds) + 4);
  }, 40_000);

  it('start afresh with the next round: its pairs\' tiles replace the last round\'s', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'], rounds: 2 });
    const students = [await joinClass(teacher.code, 'Amy'), await joinClass(teacher.code, 'Bo')];
    await until(teacher.room, (s) => s.students.size === 2);
    await command(teacher.room, TEACHER_MSG.startRound);
    const first = await Promise.all(students.map((s) => takeSeat(s)));
    await Promise.all(first.map(({ pair }) => until(pair, (s) => s.phase === 'playing').then(() => followHints(pair))));
    const done = await until(teacher.room, (s) => s.phase === 'review');
    const firstCode = done.tiles[0]!.pairCode;
    expect(done.tiles.map((t) => t.status)).toEqual(['won']);

    await command(teacher.room, TEACHER_MSG.startRound);
    const second = await until(teacher.room, (s) => s.round === 2 && s.tiles.length === 1 && s.tiles[0]!.pairCode !== firstCode);
    expect(second.tiles[0]!.toJSON()).toMatchObject({ status: 'waiting', right: 0, progress: 0 });
  });

  it('let a teacher\'s screen watch one pair without a seat; a student may not', async () => {
    const { teacher, amy, a } = await twoSeated(colyseus);
    const pairCode = (await until(teacher.room, (s) => s.tiles.length === 1)).tiles[0]!.pairCode;
    const refused = await command(amy.room, TEACHER_MSG.watchPair, { pairCode }).catch(errorCodeOf);
    expect(refused).toBe('notTeacher');
    const wrong = await command(teacher.room, TEACHER_MSG.watchPair, { pairCode: 'ZZZZZ' }).catch(errorCodeOf);
    expect(wrong).toBe('roomNotFound');

    const { reservation } = await command(teacher.room, TEACHER_MSG.watchPair, { pairCode }) as WatchPairReply;
    const watcher = await freshClient().consumeSeatReservation(reservation) as unknown as PairRoom;
    await watcher.waitForInitialState();
    expect(watcher.state.players.size).toBe(2);
    expect((await play(a, { card: 'SYN' })).move.verdict).toBe('correct');
    await until(watcher, (s) => s.segments.length === 1 && s.moves.length === 1);
    expect(await play(watcher, { card: 'SYN+ACK' }).catch(errorCodeOf)).toBe('notSeated');
    await watcher.leave();
  });
});
