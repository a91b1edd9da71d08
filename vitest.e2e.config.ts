import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (Debian's), real servers on loopback. Run one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
