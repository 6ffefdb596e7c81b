import fs from 'node:fs';

/** Debian's Chromium built for headless use only (package chromium-headless-shell): what Playwright itself drives for headless runs. */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/** Debian's Chromium (package chromium): the full browser, which also runs headed. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium that every browser test, system test and benchmark drives:
 * `PLAYWRIGHT_CHROMIUM_PATH` when set, else Debian's headless shell when it is
 * installed, else Debian's Chromium. The shell is the same Chromium without the
 * full browser's window machinery: on the same ten specs it took 2.5 minutes
 * where Chromium took 3.3, and the browsers' share of the machine's CPU went from
 * two thirds to a half (README, Tests). Running headed (`--headed`, debugging)
 * needs the full browser: PLAYWRIGHT_CHROMIUM_PATH=/usr/bin/chromium.
 */
export function chromiumExecutable(env: Record<string, string | undefined> = process.env, exists: (file: string) => boolean = fs.existsSync): string {
  if (env.PLAYWRIGHT_CHROMIUM_PATH) return env.PLAYWRIGHT_CHROMIUM_PATH;
  return exists(HEADLESS_SHELL) ? HEADLESS_SHELL : DEBIAN_CHROMIUM;
}

/** Chromium's flags for tests here: no sandbox (containers), no GPU, and nothing that reaches the network on its own. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
