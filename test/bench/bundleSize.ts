/**
 * The production client bundle: built exactly as `npm run build` builds it, but into a folder
 * of the bench's own, so a run never overwrites the dist/client another process may be serving.
 * Sizes are raw and gzip (level 9), with Phaser's chunk counted apart from ours.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, track } from './processes.ts';

const BUILD_BUDGET_MS = 180_000;

export interface BundleFile {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly phaser: boolean;
}

export type BundleFigures =
  | {
    readonly status: 'built';
    readonly buildMs: number;
    readonly files: readonly BundleFile[];
    readonly total: { readonly rawBytes: number; readonly gzipBytes: number };
    readonly phaser: { readonly rawBytes: number; readonly gzipBytes: number };
    /** Everything that is not Phaser: our code, shared/, the SDK, HTML, CSS, assets. */
    readonly ours: { readonly rawBytes: number; readonly gzipBytes: number };
  }
  | { readonly status: 'client not built'; readonly reason: string };

/** Vite's production build into `outDir`; resolves with the build's output when it fails. */
export async function buildClient(outDir: string): Promise<{ ok: boolean; ms: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_BUDGET_MS);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { ok: code === 0, ms: Math.round(performance.now() - started), output: output.slice(-2000) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Phaser is the chunk vite.config.ts names `phaser`. */
const isPhaser = (file: string): boolean => /(^|\/)phaser[-.][^/]*\.js$/.test(file);

export function measureBundle(dir: string, buildMs: number): BundleFigures {
  // The .br and .gz copies are other encodings of the same files (vite.config.ts), not more code.
  const files = filesUnder(dir).filter((f) => !/\.(map|br|gz)$/.test(f)).map((path): BundleFile => {
    const bytes = readFileSync(path);
    const file = relative(dir, path);
    return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, phaser: isPhaser(file) };
  });
  if (!files.some((f) => f.file.endsWith('.js'))) return { status: 'client not built', reason: `no JavaScript in ${dir}` };
  const sum = (list: readonly BundleFile[]) => ({
    rawBytes: list.reduce((n, f) => n + f.rawBytes, 0),
    gzipBytes: list.reduce((n, f) => n + f.gzipBytes, 0),
  });
  return {
    status: 'built', buildMs, files, total: sum(files), phaser: sum(files.filter((f) => f.phaser)), ours: sum(files.filter((f) => !f.phaser)),
  };
}
