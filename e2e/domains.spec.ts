import fs from 'node:fs';
import { expect, test } from '@playwright/test';

// Known bullets of the domain "Partnerships" in the three demo profiles (seeds/portal-pages/*.txt).
const known = {
  huaquillas: 'Huaquillas tiene un convenio de cooperación interinstitucional firmado en 2022',
  lima: 'La Gerencia de Participación Vecinal cuenta con un sistema de representación',
  sonora: 'El Consejo Estatal de Atención a Migrantes brinda espacios para la participación',
};
const phone = { width: 390, height: 844 };

test('one domain across jurisdictions: columns with their labels, a filter by country that works without scripts', async ({ page, browser, baseURL }) => {
  await page.goto('/domains');
  await page.getByRole('link', { name: 'Partnerships' }).click();
  await expect(page).toHaveURL(/\/domains\/partnerships$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partnerships across jurisdictions');
  // Other tests may publish newer editions of the demo places in other languages: read the Spanish ones.
  await page.getByLabel('Content language').selectOption('es');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/lang=es/);
  for (const [slug, bullet] of Object.entries(known)) {
    const column = page.getByTestId(`column-${slug}`);
    await expect(column.getByTestId(`${slug}-strengths`)).toContainText(bullet);
    await expect(column.getByTestId('column-label')).toHaveText(/^\d{4} [A-Z][a-z]+$/); // "2024 June", in the reader's language
  }
  await expect(page.getByTestId('column-huaquillas').getByRole('heading', { level: 2 })).toHaveText('Cantón Huaquillas');
  await expect(page.getByTestId('column-sonora').getByTestId('column-label')).toHaveText('2024 June');
  await page.screenshot({ path: 'test-results/screenshots/domain-desktop.png', fullPage: true });
  // Desktop: side by side (the columns share a row).
  const [a, b] = await Promise.all([page.getByTestId('column-huaquillas').boundingBox(), page.getByTestId('column-lima').boundingBox()]);
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  // A phone: one after another, each as wide as the screen allows, nothing scrolls sideways.
  await page.setViewportSize(phone);
  const [pa, pb] = await Promise.all([page.getByTestId('column-huaquillas').boundingBox(), page.getByTestId('column-lima').boundingBox()]);
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
  await expect(plain.getByTestId('column-sonora')).toContainText(known.sonora);
  await expect(plain.getByTestId('column-huaquillas')).toHaveCount(0);
  await expect(plain.getByTestId('column-lima')).toHaveCount(0);
  await noScript.close();

  // An unknown domain is a 404.
  expect((await page.request.get('/domains/not_a_domain')).status()).toBe(404);
  expect((await page.request.get('/domains/not_a_domain/csv')).status()).toBe(404);
});

test('"compare this domain with…" from a profile, then the CSV of what is shown', async ({ page }) => {
  await page.goto('/profiles/huaquillas?lang=es');
  const form = page.getByTestId('compare-domain-partnerships');
  await form.getByText('Compare this domain with…').click();
  await expect(form.getByRole('checkbox', { name: 'Cantón Huaquillas' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'Sonora' }).check();
  await form.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/domains\/partnerships\?j=huaquillas&j=sonora$/);
  await expect(page.getByTestId('domain-columns').locator('article')).toHaveCount(2);
  await expect(page.getByTestId('domain-count')).toContainText('Showing 2 chosen jurisdictions.');
  await expect(page.getByTestId('column-lima')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('mgi-partnerships.csv');
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('"Jurisdiction","Country","Level","Edition","Content language","Profile","Part","Finding","Address"');
  const huaquillas = lines.find((l) => l.includes(known.huaquillas));
  expect(huaquillas).toMatch(/^"Cantón Huaquillas","Ecuador","City or municipality","\d{4} [A-Z][a-z]+","Español",".*","Examples of well-developed areas","Huaquillas tiene/);
  expect(huaquillas).toMatch(/\/profiles\/huaquillas\/\d{4}-\d{2}\?lang=es"$/);
  expect(lines.some((l) => l.startsWith('"Sonora","Mexico","State or province"'))).toBe(true);
  expect(lines.some((l) => l.startsWith('"Lima"'))).toBe(false);
  // The spreadsheet file: UTF-16LE with its mark, tab-separated.
  const sheet = await page.request.get('/domains/partnerships/tsv?j=huaquillas&j=sonora');
  const body = await sheet.body();
  expect([...body.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  expect(new TextDecoder('utf-16le').decode(body.subarray(2))).toContain(`Cantón Huaquillas\tEcuador\t`);
});

test('HEAD and GET give the same headers, with the cache rules of each kind', async ({ request }) => {
  // What differs between any two answers (the date, the nonce) or with the body's framing.
  const varying = new Set(['date', 'content-security-policy', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
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
  const api = await request.get('/api/v1/domains/partnerships?j=sonora&locale=es');
  expect(api.status()).toBe(200);
  const json = await api.json();
  expect(json.name).toBe('Alianzas');
  expect(json.jurisdictions.map((j: { jurisdiction: string }) => j.jurisdiction)).toEqual(['sonora']);
  expect((await request.get('/api/v1/domains/partnerships?level=planet')).status()).toBe(400);
  expect((await request.get('/api/v1/domains/nowhere')).status()).toBe(404);
});
