/**
 * Tests that need a program the machine may lack (redis-server, nginx) run when it is there and
 * are skipped, with the command that installs it in their name, when it is not; under CI=true
 * (.ci/run installs them) a missing program fails the run instead of skipping.
 */
import { execFileSync } from 'node:child_process';

export interface SystemBinary {
  /** The program's path, or undefined when it is missing (and the tests skip). */
  readonly path: string | undefined;
  /** What to append to a suite's name: empty, or why it is skipped. */
  readonly skipNote: string;
}

export function systemBinary(name: string, debianPackage: string): SystemBinary {
  let path: string | undefined;
  for (const dir of ['', '/usr/sbin/', '/usr/bin/']) {
    try {
      path = execFileSync('sh', ['-c', `command -v ${dir}${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      path = undefined;
    }
    if (path) break;
  }
  const install = `apt-get install -y ${debianPackage}`;
  if (!path && process.env.CI === 'true') throw new Error(`${name} is required under CI=true: ${install}`);
  return { path, skipNote: path ? '' : ` (skipped: ${name} is not installed; ${install})` };
}
