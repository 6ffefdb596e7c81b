import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { acceptInvitation } from './support/auth';
import { reviewRoundPeople, uniqueId } from './support/jurisdictions';
import { commentOnPassage, fillAndSubmit, openProfile } from './support/profiles';

const PASSAGE = 'La oficina municipal atiende a personas migrantes.';

/** Invites a reviewer through the API as the focal point; answers the one-time link (no email in tests). */
async function invite(fp: Page, slug: string, baseURL: string, name: string, organisation: string) {
  const email = `${name.split(' ')[0].toLowerCase()}.${uniqueId()}@ministry.example.org`;
  const response = await fp.request.post(`/api/v1/jurisdictions/${slug}/reviewers`, {
    data: { email, name, organisation, language: 'en' },
    headers: { origin: baseURL },
  });
  expect(response.status()).toBe(201);
  return { email, link: (await response.json()).link as string };
}

test('a reviewer opens a domain and comments; the focal point sees them as having read and commented on that domain only', async ({ browser, baseURL }) => {
  test.slow(); // three people and a dozen pages on a loaded machine
  const { slug, cp, fp, rp } = await reviewRoundPeople(browser, 'Lectura');

  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAndSubmit(cp.request, id, baseURL!, (section, part) => (section === 'migrants_rights' && part === 'strengths' ? PASSAGE : `Texto de ${section} ${part}.`));

  // Two ministries are consulted; only one of them takes part.
  const ana = await invite(fp, slug, baseURL!, 'Ana Interior', 'Ministry of the Interior');
  await invite(fp, slug, baseURL!, 'Bruno Labour', 'Ministry of Labour');
  await acceptInvitation(rp, ana.link, ana.email, 'a ministry passphrase');

  // The reviewer goes through the overview (whose links the browser may prefetch) to one domain, and comments.
  await rp.goto(`/assessments/${id}`);
  await expect(rp.getByTestId('consultation-link')).toHaveCount(0); // not theirs to see
  await expect(rp.getByTestId('read-by')).toHaveCount(0);
  await rp.getByTestId('overview-migrants_rights').getByRole('link', { name: "Migrants' rights" }).click();
  const strengths = rp.locator('section[aria-labelledby="part-strengths"]');
  await expect(strengths.locator('.rendered-part')).toContainText(PASSAGE);
  await commentOnPassage(rp, strengths, 'oficina municipal', 'The ministry suggests citing the 2023 ordinance.');
  // The consultation is not the reviewer's to see: a 404 page, and 403 from the API.
  expect((await rp.goto(`/assessments/${id}/consultation`))!.status()).toBe(404);
  expect((await rp.request.get(`/api/v1/assessments/${id}/consultation`)).status()).toBe(403);

  // The focal point's overview: read by 1 of the 3 people consulted (the focal point and two reviewers) there, 0 elsewhere.
  await fp.goto(`/assessments/${id}`);
  await expect(fp.getByTestId('overview-migrants_rights').getByTestId('read-by')).toHaveText('Read by 1 of 3');
  for (const other of ['introduction', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular']) {
    await expect(fp.getByTestId(`overview-${other}`).getByTestId('read-by')).toHaveText('Read by 0 of 3');
  }
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await fp.screenshot({ path: 'test-results/screenshots/consultation-overview.png', fullPage: true });

  await fp.getByTestId('consultation-link').click();
  await expect(fp.getByRole('heading', { level: 1, name: 'Consultation' })).toBeVisible();
  const rights = fp.getByTestId('consultation-migrants_rights');
  await expect(rights.getByTestId('read-by')).toHaveText('Read by 1 of 3');
  await expect(rights.getByText('1 has commented')).toBeVisible();
  const anaThere = rights.locator('[data-testid="consulted-person"][data-name="Ana Interior"]');
  await expect(anaThere).toContainText('Ministry of the Interior');
  await expect(anaThere.getByTestId('read')).toContainText('✓ Read');
  await expect(anaThere.getByTestId('comments')).toContainText('1 comment');
  await expect(anaThere.getByTestId('suggestions')).toContainText('No suggestions');
  const brunoThere = rights.locator('[data-testid="consulted-person"][data-name="Bruno Labour"]');
  await expect(brunoThere.getByTestId('read')).toHaveText('Not opened yet');
  await expect(brunoThere).toContainText('Has not signed in yet');
  // Nowhere else did Ana read or comment.
  for (const other of ['introduction', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular']) {
    const row = fp.getByTestId(`consultation-${other}`).locator('[data-testid="consulted-person"][data-name="Ana Interior"]');
    await expect(row.getByTestId('read')).toHaveText('Not opened yet');
    await expect(row.getByTestId('comments')).toHaveText('No comments');
  }
  // The API says the same.
  const api = await fp.request.get(`/api/v1/assessments/${id}/consultation`);
  expect(api.status()).toBe(200);
  const { domains } = (await api.json()) as { domains: Array<{ domain: string; summary: { read: number }; people: Array<{ name: string; read: object | null; comments: { count: number } }> }> };
  const anaIn = (domain: string) => domains.find((d) => d.domain === domain)!.people.find((x) => x.name === 'Ana Interior')!;
  expect(anaIn('migrants_rights')).toMatchObject({ read: { firstAt: expect.any(String), lastAt: expect.any(String) }, comments: { count: 1 } });
  expect(anaIn('partnerships')).toMatchObject({ read: null, comments: { count: 0 } });
  await fp.screenshot({ path: 'test-results/screenshots/consultation.png', fullPage: true });
  await fp.setViewportSize({ width: 390, height: 844 });
  await fp.screenshot({ path: 'test-results/screenshots/consultation-phone.png', fullPage: true });
  await rights.screenshot({ path: 'test-results/screenshots/consultation-domain-phone.png' });
  // On a phone each person's row stacks: the cells sit under the name, not beside it.
  const name = await anaThere.locator('th').boundingBox();
  const read = await anaThere.getByTestId('read').boundingBox();
  expect(read!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
  await fp.goto(`/assessments/${id}`);
  await fp.screenshot({ path: 'test-results/screenshots/consultation-overview-phone.png', fullPage: true });

  for (const page of [cp, fp, rp]) await page.context().close();
});
