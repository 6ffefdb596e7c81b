import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

const FREE_PORT = "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })";

// Debian's Chromium by default; PLAYWRIGHT_CHROMIUM_PATH points elsewhere on other machines.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
// A free port chosen at start, so a busy machine (another run, a demo) never makes the suite fail.
// The config is evaluated again in each worker: the chosen port and folders travel in the environment.
process.env.E2E_PORT ||= execFileSync(process.execPath, ['-e', FREE_PORT], { encoding: 'utf8' }).trim();
const port = Number(process.env.E2E_PORT);
// Each run has its own data folder and build folder, so two runs on one machine do not meet.
process.env.E2E_DATA_DIR ||= `.data/e2e-${port}`;
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // A server action answered on a loaded 2-core machine can take longer than the default 5 s to show.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // A production build on a fresh embedded database with the demo data.
    command: 'tsx --conditions=react-server e2e/support/start-server.ts',
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // Always the embedded database: a fresh folder per run (DATABASE_URL blank = unset).
    env: { PORT: String(port), MGI_DATA_DIR: process.env.E2E_DATA_DIR!, NODE_ENV: 'production', DATABASE_URL: '' },
  },
});
