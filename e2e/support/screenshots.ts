import fs from 'node:fs';
import type { Page } from '@playwright/test';

/** The whole page as it is, on a desktop (1280 wide) and on a phone (390), into test-results/screenshots/NAME-desktop|phone.png. */
export async function shots(page: Page, name: string) {
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}
