import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium by default; PLAYWRIGHT_CHROMIUM_PATH points elsewhere on other machines.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const longSpecs = /typing-rhythm\.spec\.ts$/;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  // Each worker has a production server and database of its own (e2e/support/app-test.ts), on a
  // free port chosen when it starts, so specs in different workers never meet. Within a spec file
  // tests run in order. Two workers suit a 2-core machine; E2E_WORKERS changes it.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 2,
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
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  // The longest spec (about three minutes, by design) in a project of its own, listed first, so it
  // starts at once in one worker while the other works through the rest, instead of last and alone.
  projects: [
    { name: 'chromium-long', use: { ...devices['Desktop Chrome'] }, testMatch: longSpecs },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: longSpecs },
  ],
});
