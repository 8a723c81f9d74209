import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootGame, testConfig, TEST_PORT, TEST_URL, type TestServer } from './gameServer.ts';

const clientDir = mkdtempSync(join(tmpdir(), 'tango-client-'));
writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>TCP Tango</title>');

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame({ ...testConfig(), clientDir, maxRequestBytes: 16 * 1024 }); });
afterAll(async () => { await colyseus.shutdown(); });
beforeEach(async () => { await colyseus.cleanup(); });

const JOIN = JSON.stringify({ nickname: 'Ada', mode: 'private' });

/** A POST with the body sent as given: `chunks` of it, with or without a declared length. */
function post(path: string, chunks: readonly Buffer[], declareLength: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (declareLength) headers['content-length'] = length;
    const req = request({ host: '127.0.0.1', port: TEST_PORT, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may close the connection before it has read the whole body; the answer still counts.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('the headers of the game port', () => {
  it('send a policy that allows only this origin, forbids framing, and do not name the framework', async () => {
    const res = await fetch(`${TEST_URL}/join/AB3K7`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('let any origin call matchmaking, but never with credentials', async () => {
    const res = await fetch(`${TEST_URL}/matchmake/create/pair`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JOIN,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${TEST_URL}/matchmake/create/pair`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('a request body', () => {
  it('over the cap is refused with 413 before it is read, and the server goes on', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const eightMiB = Array.from({ length: 128 }, () => Buffer.alloc(64 * 1024, 0x20));
    const refused = await post('/matchmake/create/pair', eightMiB, true);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toEqual({ code: 'requestTooLarge' });
    // Nothing near the body's 8 MiB was kept (the server runs in this process).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(4 * 1024 * 1024);
    expect((await post('/matchmake/create/pair', [Buffer.from(JOIN)], true)).status).toBe(200);
  });

  it('of undeclared length (chunked) is refused: the game always says how long its bodies are', async () => {
    expect((await post('/matchmake/create/pair', [Buffer.from(JOIN)], false)).status).toBe(413);
  });
});
