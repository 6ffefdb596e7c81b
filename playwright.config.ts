import { defineConfig, devices } from '@playwright/test';

import { chromiumArgs, chromiumExecutable } from './tests/support/chromium';

// Debian's headless Chromium if installed, else Debian's Chromium; PLAYWRIGHT_CHROMIUM_PATH points elsewhere.
const executablePath = chromiumExecutable();
// The longest specs: the typing trials (about three minutes, by design), then the XSS corpus, the
// three-browser round and the French round (half a minute to a minute each).
const longSpecs = /(typing-rhythm|xss|workflow|french-round)\.spec\.ts$/;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  // Each worker has a production server and database of its own (e2e/support/app-test.ts), on a
  // free port chosen when it starts, so specs in different workers never meet. Within a spec file
  // tests run in order. Three workers on a 2-core machine: with the headless shell (tests/support/
  // chromium.ts) two left a fifth of it idle, waiting on pages and servers; a third took the step
  // from 386 s to 344 s. E2E_WORKERS changes it.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 3,
  globalSetup: './e2e/support/global-setup.ts',
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // A server action answered on a loaded 2-core machine can take longer than the default 5 s to show.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    // Only when a failed test is retried (CI): recording a trace of every test, to keep it on failure,
    // took about a quarter of these tests' CPU time. Locally: --trace on.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: chromiumArgs,
    },
  },
  // The longest specs in a project of their own, listed first, so they start at once while the other
  // workers go through the rest, instead of last and alone: in alphabetical order the XSS corpus
  // started last and ran alone for most of a minute.
  projects: [
    { name: 'chromium-long', use: { ...devices['Desktop Chrome'] }, testMatch: longSpecs },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: longSpecs },
  ],
});
