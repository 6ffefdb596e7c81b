import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { freePort, startAppServer, stopAppServer } from './app-server';
import { seed } from './save-round-trip';
import type { Figure } from './stats';


/** Gzipped size of every script the editor page loads, the lazily loaded editor included. */
export async function benchEditorBundle(): Promise<Figure[]> {
  const dir = path.resolve('.data/bench-bundle');
  fs.rmSync(dir, { recursive: true, force: true });
  const { token, parts } = await seed({ dataDir: dir });
  const PORT = await freePort();
  const server = await startAppServer(PORT, { MGI_DATA_DIR: dir, DATABASE_URL: '' });
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      try {
        scripts.set(response.url(), gzipSync(await response.body()).length);
      } catch {
        /* redirects have no body */
      }
    });
    await page.goto(`http://localhost:${PORT}/assessments/${parts[0].id}/sections/migrants_rights`, { waitUntil: 'networkidle' });
    await page.getByRole('toolbar').first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    if (process.env.BENCH_VERBOSE) {
      for (const [url, size] of [...scripts].sort((a, b) => b[1] - a[1])) console.log(`${(size / 1024).toFixed(1)} KB  ${url}`);
    }
    return [{ name: 'editor page JavaScript, gzipped, all included', value: total, unit: 'KB', target: { value: 250, better: 'lower' } }];
  } finally {
    await browser.close();
    await stopAppServer(server);
  }
}
