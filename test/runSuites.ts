/**
 * `npm test`'s Vitest part: the browser project and the rest (vitest.config.ts) run side by side,
 * each in a Vitest process of its own, their lines labelled as they come; the exit code is the
 * worse of the two. Arguments (a file, `-t name`) run one ordinary Vitest instead.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const VITEST = ['node_modules/vitest/vitest.mjs', 'run'];
const args = process.argv.slice(2);

function run(vitestArgs: readonly string[], label?: string): Promise<number> {
  const child = spawn(process.execPath, [...VITEST, ...vitestArgs], { stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  if (label) {
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      createInterface({ input: from! }).on('line', (line) => to.write(`${label} ${line}\n`));
    }
  }
  return new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

const codes = args.length > 0
  ? [await run(args)]
  : await Promise.all([run(['--project', 'node'], '[node]   '), run(['--project', 'browser'], '[browser]')]);
process.exit(Math.max(...codes));
