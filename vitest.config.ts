import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The site is built once, and served once, for every test file (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: Chromium instances in parallel would only fight over them.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
