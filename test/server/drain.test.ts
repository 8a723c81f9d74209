/**
 * SIGTERM drains a real server process: the health probe turns 503 at once, new matchmaking is
 * refused (serverRestarting, which a reverse proxy retries elsewhere), and the round being played
 * goes on to its end; the process exits as soon as no round is running, well inside DRAIN_SECONDS.
 */
import { mkdtempSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, CloseCode } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCodeOf, ROOM } from '../../shared/protocol.ts';
import { freePort } from '../freePort.ts';
import { followHints, hearing, until, type PairRoom, movesOf } from './gameServer.ts';
import { killServers, startServer } from './serverProcess.ts';

afterAll(killServers);

describe('a server told to stop (SIGTERM)', () => {
  it('says 503 draining, refuses new rooms, takes a reloaded player back, lets the running round finish, then exits', async () => {
    const port = await freePort();
    const http = `http://127.0.0.1:${port}`;
    const server = await startServer(port, mkdtempSync(join(tmpdir(), 'tango-drain-')), { GET_READY_MS: '0', DRAIN_SECONDS: '30' });
    const exited = once(server, 'exit');
    expect((await fetch(`${http}/healthz`)).status).toBe(200);

    const ada = await hearing(await new Client(http).create(ROOM.pair, { nickname: 'Ada', mode: 'private', speed: 'fast', playlist: ['handshake'] }) as PairRoom);
    const bo = await hearing(await new Client(http).joinById(ada.roomId, { nickname: 'Bo', mode: 'private' }) as PairRoom);
    await until(ada, (s) => s.phase === 'playing');
    const draining = Date.now();
    server.kill('SIGTERM');

    for (;;) {
      const res = await fetch(`${http}/healthz`);
      if (res.status === 503) {
        expect(await res.json()).toEqual({ status: 'draining' });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    let refused = '';
    try {
      await new Client(http).create(ROOM.pair, { nickname: 'Cy', mode: 'private' });
    } catch (e) {
      refused = errorCodeOf(e);
    }
    expect(refused).toBe('serverRestarting');

    // A player whose page reloads meanwhile still comes back to the seat.
    const token = bo.reconnectionToken;
    bo.reconnection.enabled = false;
    bo.connection.close(CloseCode.MAY_TRY_RECONNECT);
    await until(ada, (s) => s.players.get(bo.sessionId)?.connected === false);
    const back = await hearing(await new Client(http).reconnect(token) as PairRoom);
    expect(back.sessionId).toBe(bo.sessionId);

    // The round was not cut: both players play it to its end, and only then does the process go.
    await Promise.all([followHints(ada), followHints(back)]);
    const state = await until(ada, (s) => s.phase !== 'playing');
    expect(movesOf(state).some((m) => m.verdict === 'correct')).toBe(true);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(Date.now() - draining).toBeLessThan(20_000);
    expect(server.output()).toContain('drained: no round running');
  }, 40_000);
});
