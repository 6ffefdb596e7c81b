import fs from 'node:fs';
import { expect, test } from './support/app-test';
import { style } from '../lib/editions/pdf/style';
import { bodyText, lines, marginLines, readPdf } from '../tests/support/read-pdf';

// Reads the French Lima 2022-08 edition seeded by e2e/support/start-server.ts (olderLimaEdition); needs no login.
test('a reader in French downloads the PDF and gets the printed edition: label, date, pages, address, trail', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: baseURL! }]);
  await page.goto('/profiles/lima/2022-08?lang=fr');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le PDF' }).click()]);
  expect(download.suggestedFilename()).toBe('mgi-lima-2022-08-fr.pdf');
  const { pages, title } = await readPdf(fs.readFileSync((await download.path())!));
  // The address is APP_URL's (here the test server's own), dated and naming the language.
  const url = `${baseURL}/profiles/lima/2022-08?lang=fr`;
  expect(title).toBe('Profil de gouvernance des migrations : Lima (Pérou) · 2022 Août');
  const first = lines(pages[0]).map((l) => l.text);
  expect(first).toContain('2022 Août');
  expect(first).toContain(`Source : ${url}`);
  expect(first.some((l) => l.startsWith('Publiée le') && l.includes('2022'))).toBe(true);
  for (const pg of pages) {
    const { top, bottom } = marginLines(pg, style.margins);
    expect(bottom.map((l) => l.text)).toEqual([`${url} Page ${pg.number} sur ${pages.length}`]);
    expect(top.map((l) => l.text)).toEqual(pg.number === 1 ? [] : ['Profil de gouvernance des migrations : Lima (Pérou) · 2022 Août']);
    expect(pg.links.some((l) => l.url === url)).toBe(true);
  }
  const text = bodyText(pages, style.margins);
  expect(text).toContain('La municipalité prépare un plan local de mobilité humaine.');
  expect(text).toContain('Relecture et approbation');
  expect(text).toContain('Importé de e2e seed.');
});

test('a version\'s PDF is served as frozen, the month\'s is revalidated, and both in the language the reader asks for', async ({ request, baseURL }) => {
  // The month's address follows corrections: revalidated. A version's address never changes: frozen.
  const version = await request.get('/profiles/lima/2022-08-v1/pdf?lang=fr', { headers: { cookie: 'NEXT_LOCALE=es' } });
  expect(version.status()).toBe(200);
  expect(version.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const answer = await request.get('/profiles/lima/2022-08/pdf?lang=fr', { headers: { cookie: 'NEXT_LOCALE=es' } });
  expect(answer.status()).toBe(200);
  expect(answer.headers()['cache-control']).toBe('public, no-cache');
  expect(answer.headers()['content-type']).toBe('application/pdf');
  const { pages } = await readPdf(await answer.body());
  expect(marginLines(pages[0], style.margins).bottom.map((l) => l.text)).toEqual([`${baseURL}/profiles/lima/2022-08?lang=fr Página 1 de ${pages.length}`]);
  expect(lines(pages[0]).map((l) => l.text)).toContain('2022 Agosto');
});
