/**
 * Only the bytes over the wire of the bench (wireBytes.ts), without the load levels: the client
 * built as `npm run build` builds it into a folder of its own, served by the real server, and
 * visited twice in headless Chromium. About 20 s.
 *
 *   node test/bench/wireRun.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/chromium.ts';
import { buildClient } from './bundleSize.ts';
import { startGameServer, stopProcess } from './processes.ts';
import { measureWire, type VisitBytes } from './wireBytes.ts';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function show(name: string, v: VisitBytes): void {
  console.log(`${name}: ${kb(v.total)} (page ${kb(v.page)}, assets ${kb(v.assets)}, other ${kb(v.other)}); `
    + `${v.requests} request(s) reached the server, ${v.notModified} answered 304`);
  for (const r of v.byPath) console.log(`  ${String(r.status).padStart(3)} ${kb(r.bytes).padStart(9)}  ${(r.encoding ?? 'identity').padEnd(8)} ${r.path}`);
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'tango-wire-client-'));
  try {
    const build = await buildClient(outDir);
    if (!build.ok) throw new Error(`the client build failed:\n${build.output}`);
    const server = await startGameServer({ CLIENT_DIR: outDir });
    const browser = await launchChromium();
    try {
      const wire = await measureWire(browser, `http://127.0.0.1:${server.port}/`);
      show('first visit', wire.firstVisit);
      show('second visit', wire.secondVisit);
    } finally {
      await browser.close();
      await stopProcess(server.child);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
