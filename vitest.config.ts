import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Each server test file boots a real server on a free port of its own (test/server/gameServer.ts);
    // files still run one at a time, since their timings assume the machine's cores are theirs.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
