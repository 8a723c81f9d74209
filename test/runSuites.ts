/**
 * `npm test`'s Vitest part: the browser project and the rest (vitest.config.ts) run side by side,
 * each in a Vitest process of its own, their lines labelled as they come; the exit code is the
 * worse of the two. Arguments (a file, `-t name`) run one ordinary Vitest instead.
 *
 * The project that finishes first has its failures scrolled far up by the other's output, and CI
 * keeps only the end of a log: so at the end each project's failures and summary are printed again.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';

const VITEST = ['node_modules/vitest/vitest.mjs', 'run'];
const args = process.argv.slice(2);
/** Vitest's banners that open its report of what went wrong, after the run. */
const FAILURE_BANNER = /⎯{3,} (Failed Tests|Unhandled Errors?|Failed Suites)/;
const SUMMARY_LINE = /^\s*(Test Files|Tests|Errors|Duration)\s/;
/** Enough for a few failures' messages and stacks; a run that breaks everything is read in full above. */
const MAX_REPLAYED_LINES = 300;

interface Run { readonly code: number; readonly replay: readonly string[] }

function run(vitestArgs: readonly string[], label?: string): Promise<Run> {
  const child = spawn(process.execPath, [...VITEST, ...vitestArgs], { stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const failures: string[] = [];
  const summary: string[] = [];
  let inFailures = false;
  if (label) {
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      createInterface({ input: from! }).on('line', (line) => {
        to.write(`${label} ${line}\n`);
        const plain = stripVTControlCharacters(line);
        if (FAILURE_BANNER.test(plain)) inFailures = true;
        if (SUMMARY_LINE.test(plain)) summary.push(`${label} ${line}`);
        else if (inFailures && failures.length < MAX_REPLAYED_LINES) failures.push(`${label} ${line}`);
      });
    }
  }
  return new Promise((resolve) => child.on('close', (code, signal) => {
    resolve({ code: code ?? (signal ? 1 : 0), replay: [...failures, ...summary] });
  }));
}

const runs = args.length > 0
  ? [await run(args)]
  : await Promise.all([run(['--project', 'node'], '[node]   '), run(['--project', 'browser'], '[browser]')]);
if (runs.some((r) => r.replay.length > 0)) {
  process.stdout.write('\nBoth projects, again (failures, then summary):\n');
  for (const r of runs) process.stdout.write(r.replay.map((line) => `${line}\n`).join(''));
}
process.exit(Math.max(...runs.map((r) => r.code)));
