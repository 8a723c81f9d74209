import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootGame, TEST_URL, type TestServer } from '../server/gameServer.ts';
import { playExample } from './exampleClient.ts';

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame(); });
afterAll(async () => { await colyseus.shutdown(); });

describe('the example client of PROTOCOL.md', () => {
  it('plays two handshake rounds in the Numbers difficulty with numbers it works out from the document\'s rules, every move right', async () => {
    const run = await playExample(TEST_URL, 2);
    expect(run.roundStatuses).toEqual(['won', 'won']);
    expect(run.verdicts.length).toBeGreaterThanOrEqual(2);
    expect(run.verdicts.every((v) => v === 'correct')).toBe(true);
    expect(run.refusals).toEqual([]);
  });
});
