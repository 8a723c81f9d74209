/**
 * The built client the browser tests play: rebuilt only when something it is built from changed
 * since the last build, so a run of many browser test files builds once (a build takes ~13 s,
 * most of it compressing Phaser at Brotli's best quality).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the client bundle is made of: its sources, the shared core, and how Vite builds them. */
const INPUTS = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];
/** Written once a build has finished, so a build cut short leaves none (outside the served folder). */
const STAMP = join('dist', 'client-built');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** Builds the client in `root` unless its last build is newer than everything it is built from. */
export function ensureClientBuilt(root: string): void {
  const stamp = join(root, STAMP);
  if (existsSync(stamp) && existsSync(join(root, 'dist', 'client', 'index.html'))) {
    const newestInput = Math.max(...INPUTS.map((p) => join(root, p)).filter(existsSync).map(newestChange));
    if (statSync(stamp).mtimeMs > newestInput) return;
  }
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
