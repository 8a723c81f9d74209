/** A REDIS_URL nobody answers stops the server at start-up with a message naming it, as a bad variable does. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../freePort.ts';
import { killServers, startServer } from './serverProcess.ts';

afterAll(killServers);

describe('a server given a Redis that does not answer', () => {
  it('exits with the variable, the address without its password, and the reason', async () => {
    const closed = await freePort();
    const start = startServer(await freePort(), mkdtempSync(join(tmpdir(), 'tango-redis-url-')), { REDIS_URL: `redis://:hunter2@127.0.0.1:${closed}` });
    await expect(start).rejects.toThrow(/exited \(1\)[\s\S]*REDIS_URL="redis:\/\/:\*\*\*@127\.0\.0\.1:\d+": no answer from Redis \(connect ECONNREFUSED/);
    await start.catch((e: Error) => expect(e.message).not.toContain('hunter2'));
  });
});
