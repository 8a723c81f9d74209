import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from '../../server/storage/stores.ts';
import { TEACHER_MSG } from '../../shared/protocol.ts';
import { bootGame, until, type TestServer } from './gameServer.ts';
import { classConfig, command, createClass, joinClass, playRound, type Student } from './classroomHarness.ts';

let colyseus: TestServer;
const stores = openStores(':memory:');
beforeAll(async () => { colyseus = await bootGame(classConfig(), stores); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

async function joinMany(code: string, n: number): Promise<Student[]> {
  const students: Student[] = [];
  // One after another, as a class types the code: names stay in a known order.
  for (let i = 1; i <= n; i++) students.push(await joinClass(code, `Student ${i}`));
  return students;
}

/** The class plays one round: every student takes their seat and follows the hints to the end. */
async function playOneRound(teacher: Awaited<ReturnType<typeof createClass>>, students: readonly Student[]) {
  await command(teacher.room, TEACHER_MSG.startRound);
  const played = await Promise.all(students.map((s) => playRound(s)));
  const review = await until(teacher.room, (s) => s.phase === 'review');
  return { played, review };
}

describe('a class of 40', () => {
  it('joins, is paired without a bot, plays a round, and the leaderboard is what was stored', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const students = await joinMany(teacher.code, 40);
    await until(teacher.room, (s) => s.students.size === 40 && s.leaderboard.length === 40);

    const { played, review } = await playOneRound(teacher, students);

    // 20 pairs of two students: everyone has a partner, nobody a bot, and roles are one each.
    const pairs = new Map<string, string[]>();
    for (const { seat } of played) pairs.set(seat.pairCode, [...(pairs.get(seat.pairCode) ?? []), seat.role]);
    expect(pairs.size).toBe(20);
    for (const roles of pairs.values()) expect(roles.sort()).toEqual(['client', 'server']);
    expect(played.every(({ seat }) => seat.partner !== '')).toBe(true);
    expect(played.every(({ state }) => state.roundStatus === 'won')).toBe(true);

    const stored = await stores.results.forRoom(teacher.code);
    expect(stored).toHaveLength(40);
    const byStudent = new Map(stored.map((r) => [r.playerId, r]));
    expect(review.leaderboard).toHaveLength(40);
    for (const row of review.leaderboard) {
      const r = byStudent.get(row.studentId)!;
      expect([row.nickname, row.points, row.correct, row.mistakes, row.missed]).toEqual([r.nickname, r.points, r.correct, r.mistakes, r.missed]);
      expect(row.points).toBeGreaterThan(0);
    }
    // Ranked best first; each student's own points are those of their role in their pair room.
    const points = review.leaderboard.map((r) => r.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    for (const { pair, seat } of played) {
      const mine = played.find((p) => p.pair === pair)!.state.endpoints.get(seat.role)!;
      const id = students[played.findIndex((p) => p.pair === pair)]!.welcome.studentId;
      expect(byStudent.get(id)!.points).toBe(mine.points);
    }
    expect(review.round).toBe(1);
    expect(review.pairsPlaying).toBe(0);
  });
});

describe('a class of 41', () => {
  it('gives the odd student a bot partner, who plays the round with them', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake'] });
    const students = await joinMany(teacher.code, 41);
    await until(teacher.room, (s) => s.students.size === 41);

    const { played, review } = await playOneRound(teacher, students);

    const withBot = played.filter(({ seat }) => seat.partner === '');
    expect(withBot).toHaveLength(1);
    const { pair, state } = withBot[0]!;
    expect([...state.players.values()].filter((p) => p.isBot)).toHaveLength(1);
    expect(state.roundStatus).toBe('won');
    expect(pair.state.mode).toBe('class');
    expect(new Set(played.map(({ seat }) => seat.pairCode)).size).toBe(21);
    // The bot is nobody's: only the 41 students are stored and ranked.
    expect(await stores.results.forRoom(teacher.code)).toHaveLength(41);
    expect(review.leaderboard).toHaveLength(41);
  });
});

describe('a full class', () => {
  it('takes 200 students and refuses the 201st with classFull', async () => {
    const teacher = await createClass(colyseus);
    for (let batch = 0; batch < 4; batch++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => joinClass(teacher.code, `S${batch * 50 + i + 1}`)));
    }
    await until(teacher.room, (s) => s.students.size === 200 && s.leaderboard.length === 200);
    await expect(joinClass(teacher.code, 'One too many')).rejects.toMatchObject({ message: 'classFull' });
  }, 60_000);
});

describe('the rounds of a class', () => {
  it('swap every student\'s role and change partners from one round to the next', async () => {
    const teacher = await createClass(colyseus, { playlist: ['handshake', 'client-close'] });
    const students = await joinMany(teacher.code, 6);
    await until(teacher.room, (s) => s.students.size === 6);

    const first = await playOneRound(teacher, students);
    const second = await playOneRound(teacher, students);

    expect(second.review.round).toBe(2);
    students.forEach((_, i) => {
      const [a, b] = [first.played[i]!.seat, second.played[i]!.seat];
      expect(b.role).not.toBe(a.role);
      expect(b.partner).not.toBe(a.partner);
      expect(second.played[i]!.state.scenarioId).toBe('client-close');
    });
    // Round 2 adds to round 1: each student's points are the sum of both stored rounds.
    const stored = await stores.results.forRoom(teacher.code);
    for (const row of second.review.leaderboard) {
      expect(row.points).toBe(stored.filter((r) => r.playerId === row.studentId).reduce((n, r) => n + r.points, 0));
    }
    await expect(command(teacher.room, TEACHER_MSG.startRound)).rejects.toMatchObject({ reason: { code: 'noRoundsLeft' } });
  });

  it('makes duplicate nicknames distinct and refuses empty or overlong ones', async () => {
    const teacher = await createClass(colyseus);
    const names = [];
    for (const n of ['Amy', 'amy', 'Amy', '小明', '小明']) names.push((await joinClass(teacher.code, n)).welcome.nickname);
    expect(names).toEqual(['Amy', 'amy 2', 'Amy 3', '小明', '小明 2']);
    const long = 'x'.repeat(20);
    expect((await joinClass(teacher.code, long)).welcome.nickname).toBe(long);
    expect((await joinClass(teacher.code, long)).welcome.nickname).toBe(`${'x'.repeat(18)} 2`);
    for (const bad of ['', '   ', 'y'.repeat(21), 'Amy\u202E', '\u200B', 'A\u2066B']) {
      await expect(joinClass(teacher.code, bad)).rejects.toMatchObject({ message: 'badNickname' });
    }
  });
});
