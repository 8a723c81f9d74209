import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootGame, testConfig, TEST_URL, type TestServer } from './gameServer.ts';

const clientDir = mkdtempSync(join(tmpdir(), 'tango-client-'));
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>TCP Tango</title>');
writeFileSync(join(clientDir, 'game.js'), 'console.log("game")');

const BASE = TEST_URL;
let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame({ ...testConfig(), clientDir }); });
afterAll(async () => { await colyseus.shutdown(); });

describe('the HTTP side of the game port', () => {
  it('serves the built client, and index.html for the paths the client routes itself', async () => {
    expect(await (await fetch(`${BASE}/`)).text()).toContain('TCP Tango');
    expect(await (await fetch(`${BASE}/game.js`)).text()).toContain('game');
    const invite = await fetch(`${BASE}/join/AB3K7`);
    expect(invite.status).toBe(200);
    expect(await invite.text()).toContain('TCP Tango');
  });

  it('answers a missing asset with 404 rather than the page', async () => {
    expect((await fetch(`${BASE}/missing.js`)).status).toBe(404);
  });

  it('answers the health probe', async () => {
    const res = await fetch(`${BASE}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
