import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { shots } from './support/screenshots';
import { freshJurisdiction } from './support/jurisdictions';
import { fillAllParts, openProfile } from './support/profiles';

const AUTHOR = { authorId: crypto.randomUUID(), authorName: 'Lucía Focal (Lima)', at: '2026-12-02T10:00:00.000Z', comment: null };

/** A paragraph whose last words are a suggested insertion. */
const withInsertion = (text: string, inserted: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }, { type: 'text', text: inserted, marks: [{ type: 'insertion', attrs: { id: crypto.randomUUID(), ...AUTHOR } }] }] }],
});


test('a consultant rejects every suggestion of a domain, then accepts the rest of the profile; the edition says who decided what', async ({ browser, baseURL }) => {
  test.slow(); // three people and a publication
  const origin = { origin: baseURL! };
  const { slug } = await freshJurisdiction(browser, 'Sugerencias');
  const cp = await (await browser.newContext()).newPage();
  await loginAs(cp, demo.consultant);
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAllParts(cp.request, id, baseURL!, (section, part) => `Texto de ${section} ${part}.`);
  // Two suggestions in migrants_rights, one in partnerships.
  for (const [section, part, inserted] of [
    ['migrants_rights', 'strengths', ' Propuesta uno.'],
    ['migrants_rights', 'potential', ' Propuesta dos.'],
    ['partnerships', 'strengths', ' Propuesta tres.'],
  ] as const) {
    const profile = await (await cp.request.get(`/api/v1/assessments/${id}`)).json();
    const saved = await cp.request.put(`/api/v1/assessments/${id}/sections/${section}/${part}`, {
      data: { doc: withInsertion(`Texto de ${section} ${part}.`, inserted), baseRevision: profile.sections[section][part].revision },
      headers: origin,
    });
    expect(saved.status()).toBe(200);
  }

  // The overview says how many are open, and where.
  await cp.goto(`/assessments/${id}`);
  await expect(cp.getByTestId('overview-migrants_rights').getByTestId('suggestion-count')).toHaveText('2 suggestions');
  await expect(cp.getByTestId('overview-partnerships').getByTestId('suggestion-count')).toHaveText('1 suggestion');
  await expect(cp.getByTestId('overview-well_being').getByTestId('suggestion-count')).toHaveCount(0);
  await expect(cp.getByTestId('bulk-suggestions-profile')).toContainText('3 suggestions are open in the profile.');

  // In the domain: reject all, asked first; cancelling changes nothing.
  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  const domain = cp.getByTestId('bulk-suggestions-migrants_rights');
  await expect(domain).toContainText('2 suggestions are open in this domain.');
  await shots(cp, 'suggestions-bulk-domain');
  await domain.getByRole('button', { name: 'Reject all in this domain' }).click();
  const dialog = cp.getByRole('dialog', { name: 'Reject every open suggestion?' });
  await expect(dialog).toBeVisible();
  await shots(cp, 'suggestions-bulk-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await domain.getByRole('button', { name: 'Reject all in this domain' }).click();
  await dialog.getByRole('button', { name: 'Reject all in this domain' }).click();
  await expect(domain.getByRole('status')).toHaveText('2 suggestions rejected.');
  await expect(domain.getByRole('button', { name: 'Reject all in this domain' })).toHaveCount(0);

  // The rest of the profile, from the overview.
  await cp.goto(`/assessments/${id}`);
  await expect(cp.getByTestId('overview-migrants_rights').getByTestId('suggestion-count')).toHaveCount(0);
  const profileWide = cp.getByTestId('bulk-suggestions-profile');
  await expect(profileWide).toContainText('1 suggestion is open in the profile.');
  await shots(cp, 'suggestions-bulk-overview');
  await profileWide.getByRole('button', { name: 'Accept all in the whole profile' }).click();
  await cp.getByRole('dialog', { name: 'Accept every open suggestion?' }).getByRole('button', { name: 'Accept all in the whole profile' }).click();
  await expect(profileWide.getByRole('status')).toHaveText('Suggestion accepted.');
  expect((await (await cp.request.get(`/api/v1/assessments/${id}/suggestions`)).json()).suggestions).toEqual([]);
  const text = await (await cp.request.get(`/api/v1/assessments/${id}`)).json();
  expect(JSON.stringify(text.sections.partnerships.strengths)).toContain('Propuesta tres.');
  expect(JSON.stringify(text.sections.migrants_rights.strengths)).not.toContain('Propuesta uno.');

  // Submitted, reviewed, approved and published: the public sign-off counts the decisions per domain.
  expect((await cp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'submit' }, headers: origin })).status()).toBe(200);
  const fp = await (await browser.newContext()).newPage();
  await loginAs(fp, demo.focalLima);
  for (const d of ['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular']) {
    expect((await fp.request.post(`/api/v1/assessments/${id}/domains/${d}/review`, { data: { decision: 'accept' }, headers: origin })).status()).toBe(200);
  }
  expect((await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: origin })).status()).toBe(200);
  const ap = await (await browser.newContext()).newPage();
  await loginAs(ap, demo.admin);
  expect((await ap.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'publish' }, headers: origin })).status()).toBe(200);
  const [edition] = (await (await ap.request.get(`/api/v1/editions?jurisdiction=${slug}`)).json()).editions;
  await ap.goto(String(edition.url).replace('/api/v1/editions/', '/profiles/'));
  const trail = ap.getByTestId('signoff-suggestions');
  await expect(trail).toContainText('Suggested changes decided');
  await expect(trail.getByRole('listitem')).toHaveText([/0 accepted, 2 rejected, by .+/, /1 accepted, 0 rejected, by .+/]);
  await trail.scrollIntoViewIfNeeded();
  await shots(ap, 'suggestions-bulk-signoff');
});
