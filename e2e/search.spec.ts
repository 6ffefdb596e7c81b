import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction, uniqueId } from './support/jurisdictions';
import { openProfile } from './support/profiles';

/*
 * The passage search as a reader uses it: a known bullet of each seed profile
 * is found by words typed without accents and opened in place on its edition's
 * page; a consultant finds their draft, marked as a draft, and a stranger does not.
 */

const seedBullets = [
  { file: 'huaquillas-2024-06.fr-ui.es.txt', title: 'Cantón Huaquillas (Ecuador)', own: (id: string) => `Cantón Huaquillas ${id} (Ecuador)`, year: 2024, query: '"unidad medica de salud movil"', text: 'Unidad Médica de Salud Móvil' },
  { file: 'lima-2022-08.fr-ui.es.txt', title: 'Municipalidad Metropolitana de Lima', own: (id: string) => `Municipalidad Metropolitana de Lima ${id} (Perú)`, year: 2022, query: '"sistema metropolitano de la solidaridad"', text: 'Sistema Metropolitano de la Solidaridad' },
  { file: 'sonora-2024-06.fr-ui.es.txt', title: 'Estado de Sonora (México)', own: (id: string) => `Estado de Sonora ${id} (México)`, year: 2024, query: 'OFICINA "jornadas medicas"', text: 'jornadas médicas' },
];

test('finds a known bullet of each seed profile and opens it in its edition; the public index finds them too', async ({ page, browser }) => {
  test.slow();
  // The three seed profiles, imported as jurisdictions of this test's own (the demo's are another spec's to import).
  const id = uniqueId();
  const admin = await browser.newContext();
  try {
    const adminPage = await admin.newPage();
    await loginAs(adminPage, demo.admin);
    await adminPage.goto('/admin/import');
    await adminPage.getByLabel('Files saved from the portal').setInputFiles(
      seedBullets.map((b) => ({
        name: `search-${id}-${b.file}`,
        mimeType: 'text/plain',
        buffer: Buffer.from(fs.readFileSync(path.resolve('seeds/portal-pages', b.file), 'utf8').replaceAll(b.title, b.own(id))),
      })),
    );
    await expect(adminPage.getByRole('status')).toHaveText('3 ready to import, 0 already imported, 0 refused.');
    await adminPage.getByRole('button', { name: 'Import 3 files' }).click();
    await expect(adminPage.getByRole('status')).toHaveText('3 imported, 0 already imported, 0 refused.');
  } finally {
    await admin.close();
  }

  for (const bullet of seedBullets) {
    await page.goto('/search');
    // The keyboard alone: the words, then Enter submits the GET form.
    await page.getByLabel('Words to find').fill(bullet.query);
    await page.getByLabel('Words to find').press('Enter');
    await expect(page).toHaveURL(/\/search\?q=/);
    // The filters then offer what the words found, with counts: the seed's own year.
    await expect(page.getByLabel('Year').locator(`option[value="${bullet.year}"]`)).toHaveText(new RegExp(`^${bullet.year} \\(\\d+\\)$`));
    await page.getByLabel('Year').selectOption(String(bullet.year));
    await page.getByLabel('Words to find').press('Enter');
    await expect(page).toHaveURL(new RegExp(`year=${bullet.year}`));
    const hit = page.getByTestId('search-hit').filter({ hasText: id }).filter({ hasText: bullet.text });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark').first()).toBeVisible();
    await expect(hit.getByTestId('edition-badge')).toContainText(String(bullet.year));
    await hit.getByRole('link', { name: 'Read this passage' }).click();
    await expect(page).toHaveURL(new RegExp(`/profiles/[a-z0-9-]+/${bullet.year}-\\d{2}\\?lang=es#p-`));
    await expect(page.locator('.rendered-part p:target')).toContainText(bullet.text);
  }

  // The index's own box: accents and case aside, titles too, and the passage search offered with the words.
  await page.goto(`/profiles?q=${encodeURIComponent(`canton huaquillas ${id}`)}`);
  await expect(page.getByTestId('published-profiles')).toContainText(`Cantón Huaquillas ${id}`);
  await page.goto(`/profiles?q=${encodeURIComponent(`metropolitana de lima ${id}`)}`);
  await expect(page.getByTestId('published-profiles').getByRole('listitem')).toHaveCount(1);
  await page.getByTestId('search-inside').click();
  await expect(page).toHaveURL(/\/search\?q=metropolitana/);
  await expect(page.getByTestId('search-hit').first()).toBeVisible();

  // How the page looks, on a desktop and a phone.
  await page.goto('/search?q=migrantes&lang=es');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath('search-desktop.png'), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('search-phone.png'), fullPage: false });
  await page.screenshot({ path: test.info().outputPath('search-phone-full.png'), fullPage: true });
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a consultant finds their draft marked as a draft; a stranger does not find it', async ({ browser, baseURL }) => {
  const { slug } = await freshJurisdiction(browser, 'Buscar');
  const word = `quimbolt${uniqueId()}`;
  const consultant = await browser.newContext();
  const stranger = await browser.newContext();
  try {
    const page = await consultant.newPage();
    await loginAs(page, demo.consultant);
    const id = await openProfile(page.request, slug, 'es', baseURL!);
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Una ventanilla única ${word} para personas migrantes.` }] }] };
    const saved = await page.request.put(`/api/v1/assessments/${id}/sections/partnerships/strengths`, { data: { doc, baseRevision: 0 }, headers: { origin: baseURL! } });
    expect(saved.status()).toBe(200);

    await page.goto(`/search?q=${encodeURIComponent(`ventanilla unica ${word}`)}`);
    const hit = page.getByTestId('search-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit.getByTestId('draft-badge')).toHaveText('Draft');
    await hit.getByRole('link', { name: 'Open the draft' }).click();
    await expect(page).toHaveURL(new RegExp(`/assessments/${id}/sections/partnerships`));

    const anonymous = await stranger.newPage();
    await anonymous.goto(`/search?q=${encodeURIComponent(word)}`);
    await expect(anonymous.getByRole('status')).toHaveText('No passage found.');
    await expect(anonymous.getByTestId('search-hit')).toHaveCount(0);
    const api = await anonymous.request.get(`/api/v1/search?q=${encodeURIComponent(word)}`);
    expect(api.status()).toBe(200);
    expect((await api.json()).total).toBe(0);
    const own = await page.request.get(`/api/v1/search?q=${encodeURIComponent(word)}`);
    expect(own.headers()['cache-control']).toBe('private, no-store');
    expect((await own.json()).results).toMatchObject([{ draft: true, profileId: id, domain: 'partnerships' }]);
  } finally {
    await consultant.close();
    await stranger.close();
  }
});

test('hostile queries get a page or a clear 400, never a server error', async ({ page, request }) => {
  for (const q of ['"unbalanced', "'; DROP TABLE editions; --", '<script>alert(1)</script>', '!!! & | <->', 'x'.repeat(500), '%00']) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
  }
  const bad = await request.get(`/api/v1/search?q=${'x'.repeat(201)}`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'invalid_query', message: 'q is longer than 200 characters' });
  expect((await request.get('/api/v1/search?q=a&level=planet')).status()).toBe(400);
  expect((await request.get('/api/v1/search')).status()).toBe(400);
});

test('a word in more passages than the search counts shows "more than", and lower bounds beside the filters', async ({ browser, baseURL }) => {
  test.slow();
  const { slug } = await freshJurisdiction(browser, 'Contar');
  const word = `abundo${uniqueId()}`;
  const consultant = await browser.newContext();
  try {
    const page = await consultant.newPage();
    await loginAs(page, demo.consultant);
    const id = await openProfile(page.request, slug, 'es', baseURL!);
    // 520 paragraphs holding the word: more than the 500 passages a search reads (SEARCH_COUNT_LIMIT).
    const doc = { type: 'doc', content: Array.from({ length: 520 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Párrafo ${i} ${word}` }] })) };
    const saved = await page.request.put(`/api/v1/assessments/${id}/sections/partnerships/strengths`, { data: { doc, baseRevision: 0 }, headers: { origin: baseURL! } });
    expect(saved.status()).toBe(200);

    await page.goto(`/search?q=${word}`);
    await expect(page.getByRole('status')).toHaveText('More than 500 passages found');
    await expect(page.getByTestId('search-capped')).toContainText('Each search reads at most 500 passages holding its words');
    await expect(page.getByLabel('Content language').locator('option[value="es"]')).toHaveText('Spanish (500+)');
    await expect(page.getByTestId('search-hit')).toHaveCount(20);
    await expect(page.getByText('Page 1 of 25')).toBeVisible();
    // The API says the same: the count is a lower bound, and so is each facet counted past the limit.
    const api = await page.request.get(`/api/v1/search?q=${word}`);
    expect(await api.json()).toMatchObject({ total: 500, totalIsLowerBound: true, countLimit: 500, facets: { lang: [{ value: 'es', count: 500, lowerBound: true }] } });
    // Narrowed under the limit, the count is exact again.
    await page.goto(`/search?q=${encodeURIComponent(`${word} "Párrafo 7"`)}`);
    await expect(page.getByRole('status')).toHaveText('1 passage found');
    await expect(page.getByTestId('search-capped')).toHaveCount(0);

    await page.goto(`/search?q=${word}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: test.info().outputPath('search-capped-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: test.info().outputPath('search-capped-phone.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    await consultant.close();
  }
});
