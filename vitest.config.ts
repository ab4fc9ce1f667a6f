import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The site is built once, and served once, for every test file (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    // Browser assertions wait for the page (search loads its index) on a busy two-core machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    // Two cores here: Chromium instances in parallel would only fight over them.
    fileParallelism: true,
    // The page audit runs its pages concurrently, one per browser tab in its pool (same number).
    maxConcurrency: Number(process.env['AUDIT_CONCURRENCY'] ?? 2),
    maxWorkers: 2,
  },
});
