import fs from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { style } from '../lib/editions/pdf/style';
import { bodyText, lines, readPdf } from '../tests/support/read-pdf';
import { demo, loginAs } from './support/auth';
import { uniqueId } from './support/jurisdictions';
import { editorOf, selectText } from './support/profiles';

/*
 * Issue #14's whole round, in French, as the four people meet it: the admin
 * makes a jurisdiction and invites its consultant and focal point with their
 * roles; the consultant writes a part with a link and submits; the focal point
 * names the consultant in a comment, who finds it in French in the inbox; the
 * round is approved and published from a preview; the portfolio names the
 * edition; a reader downloads its PDF. Each step's own details are tested in
 * its own spec (admin-*, editor-keyboard, mentions, publishing, portfolio,
 * edition-pdf): this one shows they hold together in one believable round.
 * Screenshots of every step, desktop and phone: test-results/screenshots/french-round-*.
 */

const domains = ['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'];
const slots = [['introduction', 'body'], ...domains.flatMap((d) => [[d, 'strengths'], [d, 'potential']])];
const mois = ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'];
const PASSWORD = 'une phrase de passe assez longue';

async function shots(page: Page, step: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/screenshots/french-round-${step}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/french-round-${step}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A browser of its own for one person, reading the app in French. */
async function frenchPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: baseURL }]);
  return context.newPage();
}

/** The admin invites a person with a role on the jurisdiction in the same form; returns the one-time link. */
async function invite(admin: Page, person: { name: string; email: string }, jurisdiction: string, role: 'Consultant' | 'Point focal') {
  await admin.goto('/admin/users');
  const form = admin.getByRole('region', { name: 'Inviter un utilisateur' });
  await form.getByLabel('Nom').fill(person.name);
  await form.getByLabel('Adresse e-mail').fill(person.email);
  const row = form.getByRole('group', { name: 'Rôle 1' });
  await row.getByLabel('Juridiction').selectOption({ label: jurisdiction });
  await row.getByLabel('Rôle', { exact: true }).selectOption({ label: role });
  await form.getByRole('button', { name: 'Inviter', exact: true }).click();
  const link = admin.getByTestId('one-time-link');
  await expect(link).toContainText('/set-password?token=');
  await expect(admin.getByRole('row', { name: new RegExp(person.name) })).toContainText(`${role} · ${jurisdiction}`);
  return (await link.textContent())!;
}

/** The invited person chooses a password through the link, in French, then logs in. */
async function acceptInvitation(page: Page, link: string, email: string) {
  await page.goto(link);
  await page.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await page.getByLabel('Répétez le mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText('Votre mot de passe est enregistré.')).toBeVisible();
  await loginAs(page, email, PASSWORD);
}

test('a whole round in French: admin, consultant, focal point and public reader', async ({ browser, baseURL }) => {
  test.setTimeout(600_000); // four people, a dozen pages, a build of a PDF, on a shared machine
  const origin = baseURL!;
  const id = uniqueId();
  const name = `Ville de Saint-Émile ${id}`;
  const slug = `saint-emile-${id}`;
  const consultantPerson = { name: `Consuelo ${id}`, email: `consuelo.${id}@example.org` };
  const focalPerson = { name: `Fabienne ${id}`, email: `fabienne.${id}@example.org` };
  const now = new Date();
  const label = `${now.getUTCFullYear()} ${mois[now.getUTCMonth()]}`;
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;

  // The admin makes the jurisdiction: the slug is proposed from the name, the country picked from the French list.
  const admin = await frenchPage(browser, origin);
  await loginAs(admin, demo.admin);
  await admin.goto('/admin/jurisdictions');
  const create = admin.getByRole('region', { name: 'Nouvelle juridiction' });
  await create.getByLabel('Nom').fill(name);
  await expect(create.getByLabel("Identifiant d'adresse")).toHaveValue(slug);
  await create.getByLabel('Pays').selectOption({ label: 'Pérou' });
  await shots(admin, '01-new-jurisdiction');
  await create.getByRole('button', { name: 'Créer la juridiction' }).click();
  await expect(create.getByText(`${name} a été créée.`)).toBeVisible();
  await expect(admin.getByRole('row', { name: new RegExp(name) })).toContainText('Pérou');

  // It invites the consultant and the focal point, each with their role in the same form.
  const consultantLink = await invite(admin, consultantPerson, name, 'Consultant');
  const focalLink = await invite(admin, focalPerson, name, 'Point focal');
  await shots(admin, '02-invited');

  const consultant = await frenchPage(browser, origin);
  const focal = await frenchPage(browser, origin);
  await acceptInvitation(consultant, consultantLink, consultantPerson.email);
  await acceptInvitation(focal, focalLink, focalPerson.email);

  // The consultant starts a profile in French.
  await consultant.goto(`/jurisdictions/${slug}`);
  await consultant.getByLabel('Langue du contenu').selectOption('fr');
  await shots(consultant, '03-start');
  await consultant.getByRole('button', { name: 'Commencer' }).click();
  await expect(consultant).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  const profile = consultant.url().split('/').pop()!;

  // Every part but one is filled as another spec does (the API); the last one is written in the editor.
  const stored = await (await consultant.request.get(`/api/v1/assessments/${profile}`)).json();
  for (const [section, part] of slots) {
    if (section === 'migrants_rights' && part === 'strengths') continue;
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Constat de la ronde pour ${section} (${part}).` }] }] };
    const saved = await consultant.request.put(`/api/v1/assessments/${profile}/sections/${section}/${part}`, {
      data: { doc, baseRevision: stored.sections[section][part].revision },
      headers: { origin },
    });
    expect(saved.status()).toBe(200);
  }
  await consultant.goto(`/assessments/${profile}/sections/migrants_rights`);
  const part = editorOf(consultant, 'migrants_rights', 'strengths');
  await part.text.click(); // typeable once the live text has arrived
  await consultant.keyboard.type('La municipalité ouvre un guichet unique, décrit sur le portail');
  for (let i = 0; i < 'portail'.length; i++) await consultant.keyboard.press('Shift+ArrowLeft');
  await part.root.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Lien' }).click();
  const dialog = consultant.getByRole('dialog', { name: 'Lien' });
  await dialog.getByLabel('Adresse du lien').fill('www.iom.int/mgi');
  await shots(consultant, '04-link-dialog');
  await dialog.getByLabel('Adresse du lien').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(part.text.locator('a[href="https://www.iom.int/mgi"]')).toHaveText('portail');
  await expect(part.status).toHaveText('Enregistré');
  await shots(consultant, '05-part-written');

  await consultant.goto(`/assessments/${profile}`);
  await consultant.getByRole('button', { name: 'Soumettre pour révision' }).click();
  await expect(consultant.getByRole('button', { name: 'Soumettre pour révision' })).toHaveCount(0);
  await shots(consultant, '06-submitted');

  // The focal point comments on the consultant's passage and names her with @.
  await focal.goto(`/assessments/${profile}/sections/migrants_rights`);
  const passage = focal.locator('.rendered-part').filter({ hasText: 'guichet unique' });
  await selectText(focal, passage, 'guichet unique');
  await focal.getByRole('button', { name: 'Commenter le passage sélectionné' }).first().click();
  const box = focal.getByRole('textbox', { name: 'Commentaire', exact: true });
  const note = `Quel arrêté municipal ${id} ?`;
  await box.pressSequentially(`${note} @Cons`);
  const picker = focal.getByRole('listbox', { name: 'Personnes qui peuvent lire ce profil' });
  await expect(picker.getByRole('option', { name: consultantPerson.name })).toHaveAttribute('aria-selected', 'true');
  await shots(focal, '07-mention');
  await box.press('Enter');
  await expect(box).toHaveValue(`${note} @${consultantPerson.name} `);
  await focal.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(focal.getByTestId('thread').filter({ hasText: note })).toBeVisible();

  // The consultant finds it in French, unread, opens it, and it is read.
  await consultant.goto('/inbox');
  const item = consultant.getByTestId('notification').filter({ hasText: note });
  await expect(item).toContainText(`${focalPerson.name} vous a mentionné(e) dans un commentaire`);
  await expect(item).toHaveClass(/inbox__item--unread/);
  await expect(consultant.getByTestId('unread-count')).toHaveText('1 non lue');
  await shots(consultant, '08-inbox');
  await item.getByRole('link').click();
  await expect(consultant).toHaveURL(new RegExp(`/assessments/${profile}/sections/migrants_rights#thread-`));
  await consultant.goto('/inbox');
  await expect(consultant.getByTestId('notification').filter({ hasText: note })).not.toHaveClass(/inbox__item--unread/);
  await expect(consultant.getByTestId('unread-count')).toHaveText('0 non lue');

  // The focal point accepts every domain (as publishing.spec.ts does) and approves in the page.
  for (const domain of domains) {
    const r = await focal.request.post(`/api/v1/assessments/${profile}/domains/${domain}/review`, { data: { decision: 'accept' }, headers: { origin } });
    expect(r.status()).toBe(200);
  }
  await focal.goto(`/assessments/${profile}`);
  await focal.getByRole('button', { name: 'Approuver' }).click();
  await expect(focal.getByRole('button', { name: 'Approuver' })).toHaveCount(0);
  await shots(focal, '09-approved');

  // The admin publishes from the preview, and is told which edition it became, with a link to it.
  await admin.goto(`/assessments/${profile}`);
  await admin.getByTestId('review-and-publish').click();
  await expect(admin).toHaveURL(new RegExp(`/assessments/${profile}/publish$`));
  await expect(admin.getByTestId('publish-plan')).toHaveText(`Publier maintenant crée l’édition ${label}.`);
  await expect(admin.getByTestId('publish-preview').getByTestId('edition-label')).toHaveText(label);
  await expect(admin.getByTestId('publish-preview')).toContainText('guichet unique');
  await shots(admin, '10-publish-preview');
  await admin.getByRole('button', { name: `Publier l’édition ${label}` }).click();
  await expect(admin.getByTestId('published-as')).toContainText(`Publié comme édition ${label}.`);
  await shots(admin, '11-published');
  const editionLink = admin.getByTestId('published-as').getByRole('link', { name: 'Le lire sur le site public' });
  await expect(editionLink).toHaveAttribute('href', new RegExp(`/profiles/${slug}/${month}\\?lang=fr$`));

  // The portfolio's "latest edition" names it.
  await admin.goto(`/admin/portfolio?q=${encodeURIComponent(name)}`);
  const row = admin.getByTestId('portfolio').locator('tbody tr', { hasText: name });
  await expect(row.getByTestId('latest-edition')).toHaveText(label);
  await shots(admin, '12-portfolio');

  // A public reader, not logged in, reads the edition in French and downloads its PDF.
  const reader = await frenchPage(browser, origin);
  await reader.goto(`/profiles/${slug}/${month}?lang=fr`);
  await expect(reader.getByTestId('edition-label')).toHaveText(label);
  await expect(reader.locator('a[href="https://www.iom.int/mgi"]')).toHaveText('portail');
  await shots(reader, '13-public-edition');
  // On a phone the public header (no menu) wraps instead of running off the screen in French's longer words.
  await reader.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => reader.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expect(reader.getByRole('link', { name: 'Se connecter' })).toBeInViewport();
  await reader.setViewportSize({ width: 1280, height: 800 });
  const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: 'Télécharger le PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`mgi-${slug}-${month}-fr.pdf`);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { pages, title } = await readPdf(bytes);
  expect(title).toContain(label);
  expect(lines(pages[0]).map((l) => l.text)).toContain(label);
  expect(bodyText(pages, style.margins)).toContain('La municipalité ouvre un guichet unique');

  for (const page of [admin, consultant, focal, reader]) await page.context().close();
});
