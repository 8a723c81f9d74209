import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootGame, testConfig, TEST_URL, type TestServer } from './gameServer.ts';

/** A client folder laid out as `vite build` leaves it: hashed assets, each with its .br and .gz. */
function writeBuilt(dir: string, file: string, text: string): void {
  const path = join(dir, file);
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

const GAME_JS = `console.log(${JSON.stringify('game '.repeat(2000))});`;
const clientDir = mkdtempSync(join(tmpdir(), 'tango-client-'));
mkdirSync(join(clientDir, 'assets'));
writeBuilt(clientDir, 'index.html', '<!doctype html><title>TCP Tango</title><script src="/assets/game-Ab12Cd34.js"></script>');
writeBuilt(clientDir, 'assets/game-Ab12Cd34.js', GAME_JS);

const BASE = TEST_URL;

interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A GET with exactly these headers, the body left as it came (fetch would add its own Accept-Encoding and decode). */
function get(path: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(`${BASE}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let colyseus: TestServer;
beforeAll(async () => { colyseus = await bootGame({ ...testConfig(), clientDir }); });
afterAll(async () => { await colyseus.shutdown(); });

describe('the HTTP side of the game port', () => {
  it('serves the built client, and index.html for the paths the client routes itself', async () => {
    expect(await (await fetch(`${BASE}/`)).text()).toContain('TCP Tango');
    expect(await (await fetch(`${BASE}/assets/game-Ab12Cd34.js`)).text()).toBe(GAME_JS);
    for (const route of ['/join/AB3K7', '/class/AB3K7', '/teach/AB3K7', '/challenge/AB3K7']) {
      const page = await fetch(`${BASE}${route}`);
      expect(page.status, route).toBe(200);
      expect(await page.text(), route).toContain('TCP Tango');
    }
  });

  it('answers a missing asset with 404 rather than the page', async () => {
    expect((await fetch(`${BASE}/missing.js`)).status).toBe(404);
    const missing = await get('/assets/game-00000000.js', { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain('TCP Tango');
  });

  it('answers the health probe', async () => {
    const res = await fetch(`${BASE}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('what a phone downloads', () => {
  it('sends JavaScript brotli-compressed to a browser that takes brotli', async () => {
    const js = await get('/assets/game-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(js.status).toBe(200);
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers.vary).toMatch(/Accept-Encoding/i);
    expect(js.body.length).toBeLessThan(GAME_JS.length / 10);
  });

  it('sends gzip to a browser that takes only gzip, and the file as it is to one that takes neither', async () => {
    const gzip = await get('/assets/game-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const plain = await get('/assets/game-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(GAME_JS);
  });

  it('lets a browser keep content-hashed assets for a year without asking again', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const js = await get('/assets/game-Ab12Cd34.js', { 'accept-encoding': encoding });
      expect(js.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
    }
  });

  it('has the page revalidated at every visit and answers an unchanged one with 304', async () => {
    for (const route of ['/', '/index.html', '/join/AB3K7', '/class/AB3K7', '/teach/AB3K7', '/challenge/AB3K7']) {
      const page = await get(route, { 'accept-encoding': 'br' });
      expect(page.status, route).toBe(200);
      expect(page.headers['content-encoding'], route).toBe('br');
      expect(page.headers['cache-control'], route).toBe('no-cache');
      expect(page.headers['last-modified'], route).toBeDefined();
      const etag = page.headers.etag;
      expect(etag, route).toEqual(expect.any(String));
      const again = await get(route, { 'accept-encoding': 'br', 'if-none-match': etag as string });
      expect(again.status, route).toBe(304);
      expect(again.body.length, route).toBe(0);
    }
  });

  it('serves a build made while the server runs, compressed, and revalidates the page to it', async () => {
    const before = (await get('/', { 'accept-encoding': 'br' })).headers.etag as string;
    const next = `console.log(${JSON.stringify('next '.repeat(2000))});`;
    // A later build: a new hashed file, then the page that names it (Vite writes index.html last).
    writeBuilt(clientDir, 'assets/game-Ef56Gh78.js', next);
    writeBuilt(clientDir, 'index.html', '<!doctype html><title>TCP Tango, rebuilt</title><script src="/assets/game-Ef56Gh78.js"></script>');
    const page = await get('/join/AB3K7', { 'accept-encoding': 'br', 'if-none-match': before });
    expect(page.status).toBe(200);
    const js = await get('/assets/game-Ef56Gh78.js', { 'accept-encoding': 'br' });
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
