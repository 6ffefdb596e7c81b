import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';

const seed = (file: string) => fs.readFileSync(path.resolve('seeds/portal-pages', file), 'utf8');
const huaquillas = seed('huaquillas-2024-06.fr-ui.es.txt');

// The first bullet of each domain of the Huaquillas seed, in the order of the six domains.
const firstBullets = {
  migrants_rights: 'Desde 2022 la Dirección de Promoción Social de Huaquillas colabora en la gestión de la Unidad Médica de Salud Móvil',
  whole_of_government: 'La Dirección de Promoción Social de Huaquillas es la encargada de ejecutar las políticas sociales',
  partnerships: 'Huaquillas tiene un convenio de cooperación interinstitucional firmado en 2022',
  well_being: 'El Cantón Huaquillas ha brindado capacitación a jóvenes migrantes en diversas áreas',
  mobility_crises: 'El Comité de Operaciones de Emergencia de Huaquillas es el encargado la prevención',
  safe_orderly_regular: 'El Consejo Cantonal de Protección de Derechos, en conjunto con la Junta Cantonal',
};

test('an admin checks portal pages, imports the good one, and the public reads it in French', async ({ page, browser }) => {
  await loginAs(page, demo.admin);
  await page.goto('/admin');
  await page.screenshot({ path: 'test-results/screenshots/admin-home.png', fullPage: true });
  await page.getByRole('link', { name: 'Import published profiles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import published profiles' })).toBeVisible();

  // Two files: the seed, and a copy whose Partnerships heading was mangled.
  const broken = huaquillas.replace('\nALIANZAS\n', '\nALIANZAS ESTRATÉGICAS\n');
  // Each file goes to the server on its own; slowed down here, the progress shows.
  await page.route('**/admin/import', async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.getByLabel('Files saved from the portal').setInputFiles([
    { name: 'huaquillas-2024-06.fr-ui.es.txt', mimeType: 'text/plain', buffer: Buffer.from(huaquillas) },
    { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from(broken) },
  ]);
  await expect(page.getByRole('progressbar', { name: /Checking [01] of 2…/ })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('1 ready to import, 0 already imported, 1 refused.');
  const good = page.getByRole('row', { name: /huaquillas-2024-06/ });
  await expect(good).toContainText('Ready to import');
  await expect(good).toContainText('Cantón Huaquillas (huaquillas)');
  await expect(good).toContainText('2024 June');
  await good.getByText('Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)').click();
  await expect(good).toContainText("Migrants' rights: 4 + 2 bullets");
  const bad = page.getByRole('row', { name: /broken\.txt/ });
  await expect(bad).toContainText('Refused');
  await expect(bad).toContainText('Line 103: expected a section heading (the introduction or one of the six domains), found “ALIANZAS ESTRATÉGICAS”.');
  await page.screenshot({ path: 'test-results/screenshots/admin-import-checked.png', fullPage: true });

  // Nothing is public before confirming.
  expect((await page.request.get('/profiles/huaquillas/2024-06')).status()).toBe(404);

  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(page.getByRole('progressbar', { name: 'Importing 0 of 1…' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('1 imported, 0 already imported, 1 refused.');
  await expect(good).toContainText('Imported');
  await page.unroute('**/admin/import');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/admin-import-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The same file again: recognised, nothing new. A file too large for a profile page is stopped in the browser.
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByLabel('Files saved from the portal').setInputFiles([
    { name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(huaquillas) },
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(600_000, 'a') },
  ]);
  await expect(page.getByRole('status')).toHaveText('0 ready to import, 1 already imported, 1 refused.');
  await expect(page.getByRole('row', { name: /huge\.txt/ })).toContainText('huge.txt is larger than 500 KB: it is not a saved profile page.');
  await expect(page.getByText('Nothing to import: every file is already imported or refused.')).toBeVisible();

  // A reader whose browser prefers French.
  const reader = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: { 'accept-language': 'fr-FR,fr;q=0.9' } });
  const rp = await reader.newPage();
  await rp.goto('/profiles/huaquillas/2024-06');
  await expect(rp.getByTestId('edition-label')).toHaveText('2024 Juin');
  await expect(rp.getByRole('heading', { level: 1 })).toHaveText('Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)');
  for (const [domain, bullet] of Object.entries(firstBullets)) {
    await expect(rp.getByTestId(`findings-${domain}-strengths`).locator('li').first()).toContainText(bullet);
  }
  await expect(rp.getByText('huaquillas-2024-06.fr-ui.es.txt')).toBeVisible();
  await rp.screenshot({ path: 'test-results/screenshots/public-imported-edition.png', fullPage: true });
  await reader.close();
});

test('the import page does not exist for anyone but admins', async ({ page }) => {
  await loginAs(page, demo.consultant);
  expect((await page.goto('/admin/import'))?.status()).toBe(404);
});
