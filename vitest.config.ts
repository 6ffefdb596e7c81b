import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // `server-only` throws outside React's server build; tests are server code.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Two files at a time, in every project. Vitest's default on a 2-core machine is one, and these
    // tests mostly wait on databases and sockets.
    maxWorkers: 2,
    // scripts/test-all.mjs names the report file of each step (VITEST_REPORT).
    reporters: ['default', ['json', { outputFile: process.env.VITEST_REPORT ?? 'test-results/vitest.json' }]],
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'cli/**/*.test.ts', 'messages/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts', 'tests/support/**/*.test.ts', 'i18n/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One database per file, so files run side by side, two at a time (maxWorkers,
          // above): on a 2-core machine that took the step from 200 s to 135 s.
          // Generous: on a loaded 2-core machine a fresh PGlite and its migrations alone took
          // over a minute; a timeout here should mean a hang, not a busy neighbour.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Production servers against the local PostgreSQL, broken on purpose. Needs a
          // build and DATABASE_URL; `npm test` runs it after Playwright (scripts/test-all.mjs).
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          globalSetup: ['tests/system/global-setup.ts'],
          environment: 'node',
          // Each file has a database and servers of its own on free ports, so two run at once: one
          // at a time kept a 2-core machine half idle (214 s at 51 % busy; two at a time 132 s).
          // The authorization sweep alone took 150 s of a 180 s budget on a loaded 2-core machine.
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
