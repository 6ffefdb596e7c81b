import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { uniqueId } from './support/jurisdictions';

const phone = { width: 390, height: 844 };
const seed = (file: string) => fs.readFileSync(path.resolve('seeds/portal-pages', file), 'utf8');

/*
 * The three demo profiles (seeds/portal-pages), imported as copies under names of this test's own,
 * so that no other test's imports or publications change what is read here, with a known bullet of
 * the domain "Partnerships" each.
 */
async function importDemoCopies(page: Page) {
  const id = uniqueId();
  const copies = {
    huaquillas: {
      name: `Cantón Huaq${id}`,
      text: seed('huaquillas-2024-06.fr-ui.es.txt').replace(': Cantón Huaquillas (Ecuador)', `: Cantón Huaq${id} (Ecuador)`),
      bullet: 'Huaquillas tiene un convenio de cooperación interinstitucional firmado en 2022',
      label: '2024 June',
    },
    lima: {
      name: `Municipalidad Metropolitana de Lim${id}`,
      text: seed('lima-2022-08.fr-ui.es.txt').replace(': Municipalidad Metropolitana de Lima', `: Municipalidad Metropolitana de Lim${id} (Perú)`),
      bullet: 'La Gerencia de Participación Vecinal cuenta con un sistema de representación',
      label: '2022 August',
    },
    sonora: {
      name: `Estado de Son${id}`,
      text: seed('sonora-2024-06.fr-ui.es.txt').replace(': Estado de Sonora (México)', `: Estado de Son${id} (México)`),
      bullet: 'El Consejo Estatal de Atención a Migrantes brinda espacios para la participación',
      label: '2024 June',
    },
  };
  await loginAs(page, demo.admin);
  await page.goto('/admin/import');
  await page.getByLabel('Files saved from the portal').setInputFiles(
    Object.entries(copies).map(([key, c]) => ({ name: `dom-${id}-${key}.txt`, mimeType: 'text/plain', buffer: Buffer.from(c.text) })),
  );
  await expect(page.getByRole('status')).toHaveText('3 ready to import, 0 already imported, 0 refused.');
  const slugs: Record<string, string> = {};
  for (const key of Object.keys(copies)) {
    // The row names the jurisdiction as "Name (slug)".
    const row = await page.getByRole('row', { name: new RegExp(`dom-${id}-${key}`) }).innerText();
    slugs[key] = /\(([a-z0-9-]+)\)/.exec(row)![1];
  }
  await page.getByRole('button', { name: 'Import 3 files' }).click();
  await expect(page.getByRole('status')).toHaveText('3 imported, 0 already imported, 0 refused.');
  await page.context().clearCookies(); // read as the public
  return Object.fromEntries(Object.entries(copies).map(([key, c]) => [key, { ...c, slug: slugs[key] }])) as Record<keyof typeof copies, (typeof copies)['lima'] & { slug: string }>;
}

test('one domain across jurisdictions: columns with their labels, side by side or one after another, a filter by country without scripts', async ({ page, browser, baseURL }) => {
  const places = await importDemoCopies(page);
  await page.goto('/domains');
  await page.getByRole('link', { name: 'Partnerships' }).click();
  await expect(page).toHaveURL(/\/domains\/partnerships$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partnerships across jurisdictions');
  // The content-language filter: ours are in Spanish.
  await page.getByLabel('Content language').selectOption('es');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/lang=es/);
  for (const p of Object.values(places)) {
    const column = page.getByTestId(`column-${p.slug}`);
    await expect(column.getByRole('heading', { level: 2 })).toHaveText(p.name);
    await expect(column.getByTestId(`${p.slug}-strengths`)).toContainText(p.bullet);
    await expect(column.getByTestId('column-label')).toHaveText(p.label); // in the reader's language
  }
  // Our three only, for the screenshots.
  await page.goto(`/domains/partnerships?${Object.values(places).map((p) => `j=${p.slug}`).join('&')}`);
  await expect(page.getByTestId('domain-columns').locator('article')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/screenshots/domain-desktop.png', fullPage: true });
  // Desktop: side by side (the columns share a row).
  const [a, b] = await Promise.all([page.getByTestId(`column-${places.huaquillas.slug}`).boundingBox(), page.getByTestId(`column-${places.lima.slug}`).boundingBox()]);
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  // A phone: one after another, each as wide as the screen allows, nothing scrolls sideways.
  await page.setViewportSize(phone);
  const [pa, pb] = await Promise.all([page.getByTestId(`column-${places.huaquillas.slug}`).boundingBox(), page.getByTestId(`column-${places.lima.slug}`).boundingBox()]);
  expect(pb!.y).toBeGreaterThan(pa!.y + pa!.height - 1);
  expect(pa!.width).toBeGreaterThan(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await page.screenshot({ path: 'test-results/screenshots/domain-phone.png', fullPage: true });

  // The filter is a plain GET form: without scripts, choose Mexico.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await noScript.newPage();
  await plain.goto('/domains/partnerships?lang=es');
  await plain.getByLabel('Country').selectOption({ label: 'Mexico' });
  await plain.getByRole('button', { name: 'Show' }).click();
  await expect(plain).toHaveURL(/country=MX/);
  await expect(plain.getByTestId(`column-${places.sonora.slug}`)).toContainText(places.sonora.bullet);
  await expect(plain.getByTestId(`column-${places.huaquillas.slug}`)).toHaveCount(0);
  await expect(plain.getByTestId(`column-${places.lima.slug}`)).toHaveCount(0);
  await noScript.close();

  // An unknown domain is a 404.
  expect((await page.request.get('/domains/not_a_domain')).status()).toBe(404);
  expect((await page.request.get('/domains/not_a_domain/csv')).status()).toBe(404);
});

test('"compare this domain with…" from a profile, then the CSV of what is shown', async ({ page }) => {
  const { huaquillas } = await importDemoCopies(page);
  await page.goto(`/profiles/${huaquillas.slug}`);
  const form = page.getByTestId('compare-domain-partnerships');
  await form.getByText('Compare this domain with…').click();
  await expect(form.getByRole('checkbox', { name: huaquillas.name })).toBeChecked();
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/compare-domain-form-desktop.png' });
  await page.setViewportSize(phone);
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/compare-domain-form-phone.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  // Another jurisdiction, whichever is offered first (its country's first, so it depends on what else exists).
  const other = form.getByRole('checkbox', { checked: false }).first();
  const otherSlug = (await other.getAttribute('value'))!;
  await other.check();
  await form.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`/domains/partnerships\\?j=${huaquillas.slug}&j=${otherSlug}$`));
  await expect(page.getByTestId('domain-columns').locator('article')).toHaveCount(2);
  await expect(page.getByTestId('domain-count')).toContainText('Showing 2 chosen jurisdictions.');
  const otherName = (await page.getByTestId(`column-${otherSlug}`).getByRole('heading', { level: 2 }).innerText()).trim();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('mgi-partnerships.csv');
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('"Jurisdiction","Country","Level","Edition","Content language","Profile","Part","Finding","Address"');
  // (The other jurisdiction may be another copy of Huaquillas, with the same bullets.)
  const row = lines.find((l) => l.startsWith(`"${huaquillas.name}",`) && l.includes(huaquillas.bullet));
  expect(row).toMatch(new RegExp(`^"${huaquillas.name}","Ecuador","City or municipality","2024 June","Spanish",".*","Examples of well-developed areas","Huaquillas tiene`));
  expect(row).toMatch(new RegExp(`/profiles/${huaquillas.slug}/2024-06\\?lang=es"$`));
  expect(lines.some((l) => l.startsWith(`"${otherName}",`))).toBe(true);
  expect(new Set(lines.filter(Boolean).slice(1).map((l) => l.split('","')[0]))).toEqual(new Set([`"${huaquillas.name}`, `"${otherName}`]));
  // The spreadsheet file: UTF-16LE with its mark, tab-separated.
  const sheet = await page.request.get(`/domains/partnerships/tsv?j=${huaquillas.slug}`);
  const body = await sheet.body();
  expect([...body.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  expect(new TextDecoder('utf-16le').decode(body.subarray(2))).toContain(`${huaquillas.name}\tEcuador\tCity or municipality\t2024 June\t`);
});

test('HEAD and GET give the same headers, with the cache rules of each kind', async ({ request }) => {
  // What differs between any two answers (the date, the nonce) or with the body's framing and compression.
  const varying = new Set(['date', 'content-security-policy', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive']);
  const drop = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => !varying.has(k)));
  for (const [url, cache] of [
    ['/domains/partnerships?j=lima', 'private, no-cache'],
    ['/domains', 'private, no-cache'],
    ['/domains/partnerships/csv?country=PE', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'],
    ['/domains/partnerships/tsv', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'],
  ] as const) {
    const get = await request.get(url);
    const head = await request.head(url);
    expect(get.status(), url).toBe(200);
    expect(head.status(), url).toBe(200);
    expect(get.headers()['cache-control'], url).toBe(cache);
    expect(drop(head.headers()), url).toEqual(drop(get.headers()));
  }
  const csv = await request.get('/domains/partnerships/csv');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8; header=present');
  expect(csv.headers()['content-disposition']).toBe('attachment; filename="mgi-partnerships.csv"');
  expect(csv.headers()['vary']).toContain('Accept-Language');
  const api = await request.get('/api/v1/domains/partnerships?j=lima&locale=es');
  expect(api.status()).toBe(200);
  const json = await api.json();
  expect(json.name).toBe('Alianzas');
  expect(json.jurisdictions.map((j: { jurisdiction: string }) => j.jurisdiction)).toEqual(['lima']); // the e2e world's older Lima edition
  expect((await request.get('/api/v1/domains/partnerships?level=planet')).status()).toBe(400);
  expect((await request.get('/api/v1/domains/nowhere')).status()).toBe(404);
});
