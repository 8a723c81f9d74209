import { configDefaults, defineConfig } from 'vitest/config';

// Three projects: the browser tests (a Chromium, the built client, the real server) in two
// halves of about equal length, and the rest. `npm test` runs them side by side, each in a Vitest
// process of its own (test/runSuites.ts): a browser test mostly waits on the game's own clock
// (windows to wait out, rounds to play), so another browser file and the room, storage and
// engine tests fit beside it. Within each, files run one at a time, since their timings assume
// the machine is not crowded. Each test file's servers take free ports of their own.
/** The two longest browser files (seat windows waited out, eight solo rounds): about half of the browser tests' time. */
const BROWSER_LONG = ['test/e2e/reconnect.test.ts', 'test/e2e/solo.test.ts'];
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER_LONG] } },
      { extends: true, test: { name: 'browser-long', include: BROWSER_LONG } },
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/e2e/**'] } },
    ],
  },
});
