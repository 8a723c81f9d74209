import { describe, expect, it } from 'vitest';
import { MISTAKE_STREAK, sameTile, stepsOfRound, STUCK_AFTER_MS, tileOf } from '../../shared/classroom/pairTile.ts';
import { podiumOf } from '../../shared/classroom/podium.ts';
import { hardestStep, stepTally } from '../../shared/classroom/stepTally.ts';
import { createMatch, step } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import type { MatchState, MoveRecord } from '../../shared/match/types.ts';

const move = (skill: MoveRecord['skill'], verdict: MoveRecord['verdict']) => ({ skill, verdict });

describe('the class\'s answers per step', () => {
  it('counts right, wrong and late answers per step in teaching order, leaving stale cards and unmet steps out', () => {
    const tally = stepTally([
      move('completeHandshake', 'correct'), move('open', 'correct'), move('open', 'wrongCard'), move('completeHandshake', 'wrongNumbers'),
      move('completeHandshake', 'missedDeadline'), move('answerSyn', 'stale'), move('ackFin', 'wrongCard'), move('open', 'correct'),
    ]);
    expect(tally).toEqual([
      { skill: 'open', right: 2, wrong: 1, late: 0 },
      { skill: 'completeHandshake', right: 1, wrong: 1, late: 1 },
      { skill: 'ackFin', right: 0, wrong: 1, late: 0 },
    ]);
    expect(hardestStep(tally)?.skill).toBe('completeHandshake');
  });

  it('has no hardest step when every answer was right, and no steps without moves', () => {
    expect(hardestStep(stepTally([move('open', 'correct'), move('answerSyn', 'correct')]))).toBeNull();
    expect(stepTally([])).toEqual([]);
  });
});

describe('the podium', () => {
  const row = (nickname: string, rank: number, points: number) => ({ studentId: nickname, nickname, rank, points });

  it('holds the first three places, ties sharing a place, at most three students', () => {
    expect(podiumOf([row('A', 1, 90), row('B', 2, 80), row('C', 3, 70), row('D', 4, 60)]).map((r) => r.nickname)).toEqual(['A', 'B', 'C']);
    expect(podiumOf([row('A', 1, 90), row('B', 1, 90), row('C', 1, 90), row('D', 1, 90)]).map((r) => r.rank)).toEqual([1, 1, 1]);
    expect(podiumOf([row('A', 1, 90), row('B', 2, 80), row('C', 2, 80), row('D', 4, 70)]).map((r) => r.nickname)).toEqual(['A', 'B', 'C']);
  });

  it('leaves out whoever has not scored', () => {
    expect(podiumOf([row('A', 1, 30), row('B', 2, 0), row('C', 2, 0)]).map((r) => r.nickname)).toEqual(['A']);
  });
});

describe('a pair\'s tile', () => {
  const settings = makeSettings({ difficulty: 'flags', speed: 'normal', lossRate: 0 });
  const start = (): MatchState => createMatch({ scenarioId: 'handshake', settings, seed: 11, now: 0 });
  const play = (m: MatchState, role: 'client' | 'server', card: string, now: number) => step(m, { kind: 'play', role, card: card as 'SYN', now }).state;
  const tick = (m: MatchState, now: number) => step(m, { kind: 'tick', now }).state;

  it('counts the handshake as three right moves, and shows states and progress as they go', () => {
    let m = start();
    const steps = stepsOfRound(m);
    expect(steps).toBe(3);
    expect(tileOf(m, steps, 0)).toMatchObject({ status: 'playing', clientState: 'CLOSED', serverState: 'LISTEN', right: 0, progress: 0 });
    m = play(m, 'client', 'SYN', 100);
    expect(tileOf(m, steps, 100)).toMatchObject({ clientState: 'SYN-SENT', right: 1, progress: 33, stuck: false });
  });

  it('is stuck after STUCK_AFTER_MS without a right move, and marks a streak of mistakes by one side', () => {
    let m = start();
    m = play(m, 'client', 'SYN', 100);
    m = tick(m, 100 + STUCK_AFTER_MS - 1);
    expect(tileOf(m, 3, m.now).stuck).toBe(false);
    m = tick(m, 100 + STUCK_AFTER_MS);
    expect(tileOf(m, 3, m.now).stuck).toBe(true);

    let w = start();
    for (let i = 0; i < MISTAKE_STREAK; i++) w = play(w, 'client', 'FIN', 10 + i);
    expect(tileOf(w, 3, w.now)).toMatchObject({ streak: MISTAKE_STREAK, struggling: true });
    w = play(w, 'client', 'SYN', 50);
    expect(tileOf(w, 3, w.now)).toMatchObject({ streak: 0, struggling: false });
  });

  it('is the same tile when nothing shown changed', () => {
    const m = start();
    expect(sameTile(tileOf(m, 3, 0), tileOf(m, 3, 10))).toBe(true);
    expect(sameTile(null, tileOf(m, 3, 0))).toBe(false);
  });
});
