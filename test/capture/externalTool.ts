/**
 * Tests that read files with Debian's tshark or capture with tcpdump run when the tool is on the
 * PATH. Elsewhere they are skipped with a message naming the install command, except in CI
 * (`CI` set, as .ci/run does), where a missing tool is a failure: CI installs both.
 */
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

export type Tool = 'tshark' | 'tcpdump';

/** Whether `tool` runs here; when it does not, registers a test that fails in CI and says how to install it. */
export function toolPresent(tool: Tool): boolean {
  const present = spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
  if (!present) {
    const install = `apt-get install ${tool}`;
    if (process.env['CI']) {
      it(`finds ${tool} on the PATH (CI installs it)`, () => {
        throw new Error(`${tool} is missing: ${install}`);
      });
    } else {
      console.warn(`skipping the ${tool} tests: ${tool} is not installed (${install})`);
    }
  }
  return present;
}
