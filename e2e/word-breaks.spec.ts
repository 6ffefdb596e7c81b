import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { createJurisdiction, grantRole, uniqueId } from './support/jurisdictions';
import { openProfile } from './support/profiles';

/*
 * French and Spanish words are longer than English ones. Tables and lists must
 * stay readable at 1280 px and on a phone: a word may wrap at a space or a
 * hyphen, never inside itself ("Gér/er", "Équateu/r"), and nothing runs off
 * the screen. Slugs (code) and other tokens are left out of the word check.
 */

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

/** Words of the main content drawn on more than one line. */
function wordsSplitAcrossLines(page: Page) {
  return page.evaluate(() => {
    const split: string[] = [];
    const main = document.querySelector('main')!;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement!;
      if (parent.closest('code, .visually-hidden, select, option, textarea')) continue;
      for (const match of node.data.matchAll(/[^\s\-‐/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
    return split;
  });
}

async function expectReadable(page: Page, url: string, shot: string) {
  for (const [name, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto(url);
    await expect(page.locator('main h1')).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/words-${shot}-${name}.png`, fullPage: true });
    expect(await wordsSplitAcrossLines(page), `${url} at ${name}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${url} at ${name} runs off the screen`).toBeLessThanOrEqual(0);
    // Every column in sight: no table scrolls sideways inside its box.
    const hidden = await page.locator('.table-wrap').evaluateAll((wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth).filter((d) => d > 1));
    expect(hidden, `${url} at ${name} hides columns`).toEqual([]);
  }
}

async function loggedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, email);
  return page;
}

test('admin tables, the profile overview, the dashboard and the inbox keep French and Spanish words whole', async ({ browser, baseURL }) => {
  test.slow(); // eighteen pages, each at two sizes
  // A jurisdiction of this spec's own, with a long French name.
  const id = uniqueId();
  const name = `Communauté d’agglomération interdépartementale ${id}`;
  const admin = await loggedIn(browser, demo.admin);
  await createJurisdiction(admin, { name, slug: `agglo-${id}`, country: 'France' });
  await grantRole(admin, 'Carlos Consultant', name, 'Consultant');
  const consultant = await loggedIn(browser, demo.consultant);
  const profile = await openProfile(consultant.request, `agglo-${id}`, 'fr', baseURL!);

  for (const locale of ['fr', 'es']) {
    for (const page of [admin, consultant]) await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    for (const path of ['/admin/users', '/admin/jurisdictions', `/admin/portfolio?q=${encodeURIComponent(id)}`]) {
      await expectReadable(admin, path, `${path.split('?')[0].replaceAll('/', '-').slice(1)}-${locale}`);
    }
    await expectReadable(consultant, `/assessments/${profile}`, `overview-${locale}`);
    await expectReadable(consultant, `/assessments/${profile}/sections/migrants_rights/strengths/history`, `history-${locale}`);
    // French guillemets hold on to their words (no-break spaces): "Historique de «" never ends a line.
    if (locale === 'fr') expect(await consultant.locator('main h1').textContent()).toMatch(/«\u00a0.+\u00a0»/);
    await expectReadable(consultant, '/', `dashboard-${locale}`);
    await expectReadable(consultant, '/inbox', `inbox-${locale}`);
  }
  for (const page of [admin, consultant]) await page.context().close();
});
