import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/app-test';
import { apiTokens, demo, loginAs } from './support/auth';
import { freshJurisdiction, uniqueId } from './support/jurisdictions';
import { fillAllParts, openProfile } from './support/profiles';

/*
 * Holes found by a security review, each checked over the wire on a
 * jurisdiction of this spec's own: leaving presence as a stranger, U+0000 in
 * forms, edition addresses that could move, caching of personal answers,
 * English error messages, and the title an inbox shows.
 */



test('a profile round over the wire: presence, private answers, English messages, the title kept in the inbox', async ({ browser, baseURL }) => {
  test.slow(); // many page loads: a busy machine must not fail it
  const { slug } = await freshJurisdiction(browser, 'Holes');
  const consultant = await browser.newContext();
  const focal = await browser.newContext();
  const cp = await consultant.newPage();
  const fp = await focal.newPage();
  await loginAs(cp, demo.consultant);
  await loginAs(fp, demo.focalLima);
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  const origin = { origin: baseURL! };

  // A stranger leaving a part of a profile they cannot see gets the same 404 as on any other call.
  const stranger = { authorization: `Bearer ${apiTokens().focalSonora}` };
  const presence = `/api/v1/assessments/${id}/presence`;
  expect((await cp.request.post(presence, { data: { section: 'partnerships', part: 'strengths' }, headers: origin })).status()).toBe(200);
  expect((await cp.request.post(presence, { data: { section: 'partnerships', part: 'strengths', leaving: true }, headers: origin })).status()).toBe(200);
  const leaving = await cp.request.post(presence, { data: { section: 'partnerships', part: 'strengths', leaving: true }, headers: stranger });
  // Soft checks: each hole of this round is reported on its own.
  expect.soft(leaving.status()).toBe(404);

  // Answers that depend on who asks are kept by no cache: reads, writes, refusals, tokens and cookies alike.
  const answers = [
    await cp.request.get(`/api/v1/assessments/${id}`),
    await cp.request.get('/api/v1/me'),
    await cp.request.get(`/api/v1/jurisdictions/${slug}`),
    await cp.request.get('/api/v1/me', { headers: stranger }),
    await cp.request.get(`/api/v1/assessments/${id}`, { headers: stranger }),
    leaving,
  ];
  for (const answer of answers) expect.soft(answer.headers()['cache-control'], answer.url()).toBe('private, no-store');

  await fillAllParts(cp.request, id, baseURL!, (section, part) => `${section} ${part}.`);
  const title = `Perfil ${uniqueId()}`;
  await cp.goto(`/assessments/${id}`);
  await cp.getByLabel('Title').fill(title);
  await expect(cp.getByTestId('title-status')).toHaveText('Saved'); // the title saves itself
  const transitions = `/api/v1/assessments/${id}/transitions`;
  expect((await cp.request.post(transitions, { data: { action: 'submit' }, headers: origin })).status()).toBe(200);

  // A second submit finds the profile in review, and says so in plain English.
  const again = await cp.request.post(transitions, { data: { action: 'submit' }, headers: origin });
  expect(again.status()).toBe(409);
  expect.soft((await again.json()).error.message).toBe('The profile is in review; it cannot be submitted now.');
  expect((await fp.request.post(transitions, { data: { action: 'publish' }, headers: origin })).status()).toBe(403);
  const changes = await fp.request.post(transitions, { data: { action: 'request_changes', note: 'Más detalle, por favor.' }, headers: origin });
  expect(changes.status()).toBe(200);
  const twice = await fp.request.post(transitions, { data: { action: 'request_changes', note: 'Otra vez.' }, headers: origin });
  expect.soft((await twice.json()).error.message).toBe('The profile is a draft; it cannot be sent back for changes now.');

  // The consultant renames the profile; the focal point's inbox still names what was submitted.
  await cp.goto(`/assessments/${id}`);
  await cp.getByLabel('Title').fill(`${title} (renombrado)`);
  await expect(cp.getByTestId('title-status')).toHaveText('Saved');
  await fp.goto('/inbox');
  const inbox = fp.getByTestId('inbox');
  await expect.soft(inbox.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expect.soft(inbox.getByRole('link', { name: `${title} (renombrado)` })).toHaveCount(0);

  // A NUL character typed into a form (pasted from a broken file) is refused with a message, not a crash.
  await cp.goto(`/assessments/${id}`);
  await cp.getByLabel('Title').fill('Con\u0000nulo');
  await expect.soft(cp.getByText(/invisible control character \(U\+0000\)/).first()).toBeVisible();
  expect((await (await cp.request.get(`/api/v1/assessments/${id}`)).json()).title).toBe(`${title} (renombrado)`);
  await consultant.close();
  await focal.close();
});

test('an admin cannot move an edition to another address: a published jurisdiction keeps its slug', async ({ page }) => {
  test.slow();
  await loginAs(page, demo.admin);
  const id = uniqueId();
  // An edition of a jurisdiction of this test's own, imported from a portal page.
  const seed = fs.readFileSync(path.resolve('seeds/portal-pages/huaquillas-2024-06.fr-ui.es.txt'), 'utf8').replace(': Cantón Huaquillas (Ecuador)', `: Cantón Fija ${id} (Ecuador)`);
  await page.goto('/admin/import');
  await page.getByLabel('Files saved from the portal').setInputFiles([{ name: `fija-${id}.txt`, mimeType: 'text/plain', buffer: Buffer.from(seed) }]);
  await expect(page.getByRole('status')).toHaveText('1 ready to import, 0 already imported, 0 refused.');
  await page.getByRole('button', { name: 'Import 1 file' }).click();
  await expect(page.getByRole('status')).toHaveText('1 imported, 0 already imported, 0 refused.');
  const editions = (await (await page.request.get('/api/v1/editions')).json()).editions as Array<{ jurisdiction: string; name: string }>;
  const slug = editions.find((e) => e.name.includes(`Fija ${id}`))!.jurisdiction;
  const name = editions.find((e) => e.name.includes(`Fija ${id}`))!.name;

  await page.goto('/admin/jurisdictions');
  await page.getByRole('link', { name: `Edit ${name}` }).click();
  // The list page has a Slug field of its own (the new-jurisdiction form): fill only once the edit page is there.
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
  // The form shows the slug read-only and says why; the server refuses a change even when the field is forced.
  await expect(page.getByLabel('Slug')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Slug')).toHaveAccessibleDescription(/cannot change/);
  await page.getByLabel('Slug').evaluate((input: HTMLInputElement) => input.removeAttribute('readonly'));
  await page.getByLabel('Slug').fill(`${slug}-moved`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`The slug cannot change: this jurisdiction has published editions, and their addresses are made with “${slug}”.`).first()).toBeVisible();
  expect((await page.request.get(`/api/v1/editions/${slug}/2024-06`)).status()).toBe(200);
  expect((await page.request.get(`/api/v1/editions/${slug}-moved/2024-06`)).status()).toBe(404);

  // Its name may still change (editions keep the name they were published with), and a NUL in it is refused.
  await page.reload();
  await page.getByLabel('Name').fill('Fija\u0000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/invisible control character \(U\+0000\)/).first()).toBeVisible();
  await expect(page.getByLabel('Slug')).toHaveValue(slug);
  await page.getByLabel('Name').fill(`Fija ${id} (renamed)`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Fija ${id} (renamed) was saved.`)).toBeVisible();
});
