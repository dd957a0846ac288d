import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const alias = { '@': path.dirname(fileURLToPath(import.meta.url)) };

// expect.poll waits for a condition (a page updated, a record stored); its default of 1 s
// is a speed budget in disguise, which fails on a loaded machine. Wait for the condition
// instead, up to a bound that still ends a broken test well within its own timeout.
const waitForConditions = { poll: { timeout: 30_000, interval: 50 } };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'bench', include: [], benchmark: { include: ['bench/**/*.bench.ts'] } } },
      {
        resolve: { alias },
        // Property tests run hundreds of renders and parses: seconds on a quiet machine, several
        // times that when the 2 cores are busy, so the per-test timeout is not a speed budget.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000, expect: waitForConditions },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/build-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: waitForConditions,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/app-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: waitForConditions,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
