import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Server tests boot a real server on one port (2568, or TANGO_TEST_PORT), one file at a time.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
