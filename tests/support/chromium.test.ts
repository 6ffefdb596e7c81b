import { describe, expect, it } from 'vitest';
import { chromiumExecutable, DEBIAN_CHROMIUM, HEADLESS_SHELL } from './chromium';

describe('chromiumExecutable', () => {
  it('takes PLAYWRIGHT_CHROMIUM_PATH first, whatever is installed', () => {
    expect(chromiumExecutable({ PLAYWRIGHT_CHROMIUM_PATH: '/opt/chrome/chrome' }, () => true)).toBe('/opt/chrome/chrome');
  });
  it("prefers Debian's headless shell when it is installed", () => {
    expect(chromiumExecutable({}, (file) => file === HEADLESS_SHELL)).toBe(HEADLESS_SHELL);
  });
  it("falls back to Debian's Chromium, also when the variable is empty", () => {
    expect(chromiumExecutable({}, () => false)).toBe(DEBIAN_CHROMIUM);
    expect(chromiumExecutable({ PLAYWRIGHT_CHROMIUM_PATH: '' }, () => false)).toBe(DEBIAN_CHROMIUM);
  });
});
