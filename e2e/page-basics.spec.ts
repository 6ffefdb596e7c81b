import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { openProfile } from './support/profiles';

const phone = { width: 390, height: 844 };

async function titlesOf(page: Page, urls: string[]) {
  const titles: Record<string, string> = {};
  for (const url of urls) {
    await page.goto(url);
    titles[url] = await page.title();
  }
  return titles;
}

/** Every visible control of the page at least 44 px high (and wide, for icon buttons). */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=file]), header button, header select, header summary')]
      .filter((el) => el.offsetParent !== null && !el.closest('dialog:not([open])'))
      // A radio button's target is its label (the editor's mode switch draws them as segments).
      .map((el) => (el.matches('input[type=radio]') ? (el.closest('label') ?? el) : el))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 43.5 || box.width < 43.5)
      .map(({ el, box }) => `${el.tagName} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

test('every page has a title of its own', async ({ page, browser, baseURL }) => {
  test.slow(); // sixteen pages on a busy machine
  const { slug } = await freshJurisdiction(browser, 'Titles');
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, slug, 'en', baseURL!);
  const consultant = await titlesOf(page, [
    '/',
    '/inbox',
    `/jurisdictions/${slug}`,
    `/assessments/${id}`,
    `/assessments/${id}/sections/migrants_rights`,
    `/assessments/${id}/sections/introduction`,
    `/assessments/${id}/sections/migrants_rights/strengths/history`,
    `/assessments/${id}/comments`,
    `/assessments/${id}/consultation`,
  ]);
  await loginAs(page, demo.admin);
  await page.goto('/admin/users');
  const userPage = await page.getByRole('link', { name: 'Manage: Carlos Consultant' }).getAttribute('href');
  await page.goto('/admin/jurisdictions');
  const jurisdictionPage = await page.getByRole('link', { name: 'Edit Lima', exact: true }).getAttribute('href');
  const admin = await titlesOf(page, ['/admin', '/admin/users', userPage!, '/admin/jurisdictions', jurisdictionPage!, '/admin/portfolio', '/admin/outbox', '/admin/import']);
  const all = { ...consultant, ...admin };
  const seen = new Map<string, string>();
  for (const [url, title] of Object.entries(all)) {
    expect(title, url).not.toBe('MGI Studio');
    expect(seen.get(title), `${url} has the title of ${seen.get(title)}: ${title}`).toBeUndefined();
    seen.set(title, url);
  }
  expect(all[`/assessments/${id}/sections/migrants_rights`]).toMatch(/ · /); // the domain, then the profile
  expect(admin[userPage!]).toContain('Carlos Consultant');
});

test('signed out, the home page has its own title and the browser finds the app icon', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Migration governance profiles, from draft to edition' })).toBeVisible();
  // The home page's title, not the dashboard's (which says "Your dashboard" to no one).
  expect(await page.title()).toBe('Migration governance profiles, from draft to edition');
  // Next declares app/icon.svg in the head; the browser stops asking for a favicon that is not there.
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(await icon.text()).toContain('#0b3d91'); // the brand's blue (components/layout/brand.tsx, --brand)
  await loginAs(page, demo.consultant);
  await page.goto('/');
  expect(await page.title()).toBe('Your dashboard');
});

test('signed out, the home page leads a reader to what anyone can read, and the header too', async ({ page }) => {
  await page.goto('/');
  const actions = page.getByRole('main');
  for (const [name, path, heading] of [
    ['Read the published profiles', '/profiles', 'Migration governance profiles'],
    ['Search across profiles', '/search', 'Search inside profiles'],
    ['Read one domain across jurisdictions', '/domains', 'Domains across jurisdictions'],
  ] as const) {
    await page.goto('/');
    await actions.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1 }), name).toContainText(heading);
  }
  await page.goto('/');
  // Signed out, the app's header names the public pages as the public pages' header does.
  const nav = page.locator('header.site-header').getByRole('navigation', { name: 'Main', exact: true });
  for (const name of ['Published profiles', 'Domains', 'Search']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in to your workspace' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/home-signed-out-desktop.png', fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/home-signed-out-phone.png', fullPage: true });
});

test("a jurisdiction's page names its level and country once, not the country again as what it is part of", async ({ page }) => {
  await loginAs(page, demo.consultant);
  await page.goto('/jurisdictions/lima');
  await expect(page.getByRole('heading', { level: 1, name: 'Lima' })).toBeVisible();
  // Lima's parent is Perú, the country's own jurisdiction: "· Part of Perú" only said the country twice.
  await expect(page.locator('.page-header p').first()).toHaveText('City or municipality · Peru');
});

test("the admin home names each area once, by a link that says what is behind it", async ({ page }) => {
  await loginAs(page, demo.admin);
  await page.goto('/admin');
  const main = page.getByRole('main');
  for (const [name, path, says] of [
    ['Users', '/admin/users', /\d+ accounts?: invite people/],
    ['Email outbox', '/admin/outbox', /emails the app sends/],
    ['Portfolio', '/admin/portfolio', /open profile and latest edition/],
    ['Jurisdictions', '/admin/jurisdictions', /\d+ jurisdictions?: their names/],
    ['Import published profiles', '/admin/import', /already published on the MGI portal/],
  ] as const) {
    // One link per area (a button repeating the card's title made two), its name without the arrow drawn after it.
    await expect(main.getByRole('link', { name, exact: true }), name).toHaveCount(1);
    await expect(main.locator('section', { has: page.getByRole('link', { name, exact: true }) }), name).toContainText(says);
    await main.getByRole('link', { name, exact: true }).click();
    await expect(page, name).toHaveURL(new RegExp(`${path}$`));
    await page.goBack();
  }
});

test('a notification about what is no longer open to its reader says so, with the way back', async ({ page }) => {
  // Where /inbox/{id} leads then (lib/data/notifications.ts; tests/integration/comment-notifications.test.ts).
  await loginAs(page, demo.consultant);
  await page.goto('/inbox/unavailable');
  await expect(page.getByRole('heading', { level: 1, name: 'No longer available to you' })).toBeVisible();
  expect(await page.title()).toContain('No longer available to you');
  await page.screenshot({ path: 'test-results/screenshots/inbox-unavailable-desktop.png', fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/inbox-unavailable-phone.png', fullPage: true });
  await page.getByRole('link', { name: 'Back to your inbox' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
});

test('on a phone the header takes one row, its menu opens and closes by keyboard, and controls are 44 px', async ({ page, browser, baseURL }) => {
  const { slug } = await freshJurisdiction(browser, 'Phone');
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, slug, 'en', baseURL!);
  await page.setViewportSize(phone);
  await page.goto(`/assessments/${id}/sections/migrants_rights`);
  const header = page.locator('header.site-header');
  const brand = header.getByRole('link', { name: 'MGI Studio' });
  // The Menu is a <summary> (it works without script: e2e/header-menu.spec.ts); its <details> holds the open state.
  const details = header.locator('details.site-menu-toggle');
  const menu = details.locator('summary', { hasText: 'Menu' });
  const [b, m] = [await brand.boundingBox(), await menu.boundingBox()];
  expect(Math.abs(b!.y + b!.height / 2 - (m!.y + m!.height / 2))).toBeLessThan(8); // one row
  expect((await header.boundingBox())!.height).toBeLessThan(72);
  await expect(header.getByRole('link', { name: 'Inbox' })).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  await expect(header.getByRole('link', { name: 'Inbox' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/phone-header-menu-open.png' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(details).not.toHaveAttribute('open');
  await expect(menu).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/phone-section-page.png', fullPage: true });
  expect(await smallTargets(page)).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(header.getByRole('link', { name: 'Inbox' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/desktop-section-page.png' });
});
