import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium and Firefox ESR (Debian's), real servers on loopback. One file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
