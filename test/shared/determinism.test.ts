import { describe, expect, it } from 'vitest';
import { createMatch, step } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import { playOut } from '../../shared/bots/playOut.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import type { MatchEvent } from '../../shared/match/types.ts';

const sloppy = { reactionMs: 700, errorRate: 0.3 };

function log(seed: number): string {
  return SCENARIO_IDS.map((scenarioId) => {
    const start = createMatch({ scenarioId, settings: makeSettings({ difficulty: 'expert', lossRate: 0.2 }), seed, now: 1_000 });
    return JSON.stringify(playOut(start, { client: sloppy, server: sloppy }).events);
  }).join('\n');
}

/** One line per event: what happened, when, and (for a judged move) who played what and how it was judged. */
function timeline(events: readonly MatchEvent[]): string[] {
  return events.map((e) => {
    const segment = 'id' in e ? `#${e.id}` : '';
    const move = e.type === 'moveJudged' ? ` ${e.move.role} ${e.move.card ?? '-'} ${e.move.verdict}` : '';
    return `${e.at} ${e.type}${segment}${move}`;
  });
}

describe('determinism', () => {
  it('plays seed 2026 to exactly these ISNs, losses, verdicts and points, on every machine', () => {
    const start = createMatch({ scenarioId: 'handshake', settings: makeSettings({ difficulty: 'expert', lossRate: 0.2 }), seed: 2026, now: 1_000 });
    expect(start.endpoints.client.tcb.iss).toBe(4643);
    expect(start.endpoints.server.tcb.iss).toBe(3467);
    const { events, state } = playOut(start, { client: sloppy, server: sloppy });
    expect(timeline(events)).toEqual([
      '1700 segmentSent#1', '1700 stateChanged', '1700 moveJudged client SYN correct',
      '2500 segmentArrived#1', '2500 stateChanged',
      '3200 segmentSent#2', '3200 moveJudged server SYN+ACK correct',
      '4000 segmentArrived#2', '4000 stateChanged',
      '4700 segmentSent#3', '4700 moveJudged client ACK correct',
      // The ACK is lost: the server's SYN+ACK times out and its bot fumbles before resending.
      '5100 segmentLost#3', '7200 rtoFired',
      '7900 moveJudged server SYN wrongCard', '8600 moveJudged server FIN wrongCard', '9300 moveJudged server FIN wrongCard',
      '9700 moveJudged server - missedDeadline',
      '10400 segmentSent#4', '10400 moveJudged server SYN+ACK correct', '11200 segmentArrived#4',
      '11900 segmentSent#5', '11900 moveJudged client ACK correct',
      '12700 segmentArrived#5', '12700 stateChanged', '12700 roundOver',
    ]);
    expect(state.status).toBe('won');
    expect([state.scores.client.points, state.scores.server.points]).toEqual([449, 132]);
  });

  it('gives different ISNs and losses for different seeds', () => {
    expect(log(1)).not.toBe(log(2));
  });

  it('replays a recorded input log to the same state', () => {
    const start = createMatch({ scenarioId: 'whole-life', settings: makeSettings({ lossRate: 0.2 }), seed: 9, now: 0 });
    const first = playOut(start, { client: sloppy, server: sloppy });
    let state = start;
    for (const input of first.inputs) state = step(state, input).state;
    expect(JSON.stringify(state)).toBe(JSON.stringify(first.state));
  });
});
