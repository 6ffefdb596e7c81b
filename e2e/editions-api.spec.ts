import { expect, test } from './support/app-test';

// Reads the Lima 2022-08 edition seeded by e2e/support/start-server.ts; needs no login.
test('the public editions API: list, one edition with its label in the asked locale, clear errors', async ({ request }) => {
  const list = await request.get('/api/v1/editions?jurisdiction=lima&locale=fr');
  expect(list.status()).toBe(200);
  const { editions } = await list.json();
  const old = editions.find((e: { edition: string }) => e.edition === '2022-08');
  expect(old).toMatchObject({ jurisdiction: 'lima', label: '2022 Août', language: 'fr', name: 'Lima' });

  for (const [locale, label] of [['fr', '2022 Août'], ['en', '2022 August'], ['es', '2022 Agosto']]) {
    const one = await request.get(`/api/v1/editions/lima/2022-08?locale=${locale}`);
    expect(one.status()).toBe(200);
    // The month's URL shows its newest version, which a correction would replace: asked again each time.
    expect(one.headers()['cache-control']).toBe('public, no-cache');
    const body = await one.json();
    expect(body).toMatchObject({ edition: '2022-08', version: 1, versionEdition: '2022-08-v1', corrected: false, correctedBy: null });
    // One version's content never changes, but its answer does (a correction fills correctedBy): a minute in shared caches.
    const version = await request.get(`/api/v1/editions/lima/${body.versionEdition}?locale=${locale}`);
    expect(version.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300');
    expect((await version.json()).content).toEqual(body.content);
    expect(body.label).toBe(label);
    expect(body.title).toBe('Profil de gouvernance des migrations : Lima (Pérou)');
    expect(JSON.stringify(body.content.domains.migrants_rights.strengths)).toContain('La municipalité prépare');
    expect(body.signOff.importedFrom).toBe('e2e seed');
  }

  const refusals: Array<[string, number, string]> = [
    ['/api/v1/editions/lima/2022-13', 404, 'not_found'],
    ['/api/v1/editions/lima/2022-08-v9', 404, 'not_found'],
    ['/api/v1/editions/lima/1999-01', 404, 'not_found'],
    ['/api/v1/editions/nowhere/2022-08', 404, 'not_found'],
    ['/api/v1/editions/lima/2022-08?locale=de', 400, 'invalid_locale'],
    ['/api/v1/editions?jurisdiction=Not%20A%20Slug', 400, 'invalid_jurisdiction'],
  ];
  for (const [url, status, code] of refusals) {
    const answer = await request.get(url);
    expect(answer.status(), url).toBe(status);
    expect((await answer.json()).error.code, url).toBe(code);
  }
  expect((await (await request.get('/api/v1/openapi.json')).json()).paths).toHaveProperty(['/api/v1/editions/{slug}/{edition}']);
});

test('a dated edition page, per interface language, is kept by no shared cache; a version\'s PDF is frozen', async ({ request }) => {
  for (const locale of ['fr', 'es']) {
    const page = await request.get('/profiles/lima/2022-08', { headers: { cookie: `NEXT_LOCALE=${locale}` } });
    expect(page.status()).toBe(200);
    // It changes when a newer edition appears, and the same URL has one face per interface language.
    expect(page.headers()['cache-control']).toBe('private, no-cache');
    expect(await page.text()).toContain(locale === 'fr' ? '2022 Août' : '2022 Agosto');
  }
  expect((await request.get('/profiles/lima')).headers()['cache-control']).toBe('private, no-cache');
  // One version's PDF in one language shows only that frozen version: it may be kept for good. Without the
  // language it is the month's newest language, which a translation replaces; the month's PDF follows its corrections.
  const pdf = await request.get('/profiles/lima/2022-08-v1/pdf?lang=fr');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(Buffer.compare(await pdf.body(), await (await request.get('/profiles/lima/2022-08-v1/pdf?lang=fr')).body())).toBe(0);
  expect((await request.get('/profiles/lima/2022-08-v1/pdf')).headers()['cache-control']).toBe('public, no-cache');
  expect((await request.get('/profiles/lima/2022-08/pdf')).headers()['cache-control']).toBe('public, no-cache');
  expect((await request.get('/profiles/nowhere/2022-08')).status()).toBe(404);
});
