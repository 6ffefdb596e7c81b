import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium by default; PLAYWRIGHT_CHROMIUM_PATH points elsewhere on other machines.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
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
    env: { PORT: String(port), MGI_DATA_DIR: '.data/e2e', NODE_ENV: 'production', DATABASE_URL: '' },
  },
});
