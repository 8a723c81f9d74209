import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: the browser tests (a Chromium, the built client, the real server) and the rest.
// `npm test` runs them side by side in two Vitest processes (test/runSuites.ts): a browser test
// mostly waits on the game's own clock, so the room, storage and engine tests fit beside it.
// Within each, files run one at a time, since their timings assume the machine is not crowded.
// Each server test file boots a real server on a free port of its own (test/server/gameServer.ts).
export default defineConfig({
  test: {
    // Limits for a hang, not for speed: on a slow 2-core machine with both projects running, a
    // test that takes half a second alone once stalled for 33 s.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'browser', include: ['test/e2e/**/*.test.ts'] } },
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/e2e/**'] } },
    ],
  },
});
