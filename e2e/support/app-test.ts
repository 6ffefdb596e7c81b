import { test as base } from '@playwright/test';
import { startWorkerServer, type AppServer } from './app-server';

/**
 * Playwright's `test`, with a production server per worker: every spec
 * imports `test` and `expect` from here (eslint enforces it), and its pages,
 * `request` and new browser contexts reach that worker's server through
 * `baseURL`. A worker that a failure ends takes its server with it; the next
 * one starts on fresh data.
 */
export const test = base.extend<object, { appServer: AppServer }>({
  appServer: [
    async ({}, provide) => {
      const server = await startWorkerServer();
      // apiTokens() reads the tokens start-server.ts minted into this worker's data folder.
      process.env.E2E_DATA_DIR = server.dataDir;
      await provide(server);
      await server.stop();
    },
    { scope: 'worker', auto: true, timeout: 240_000 },
  ],
  baseURL: async ({ appServer }, provide) => provide(appServer.origin),
});

export { expect } from '@playwright/test';
