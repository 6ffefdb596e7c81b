import { expect, type Browser, type Page } from '@playwright/test';
import { demo, loginAs } from './auth';

/*
 * A jurisdiction of a spec's own, made by the admin in the browser, so that a
 * spec never depends on what another spec did to the shared demo ones.
 */

export const uniqueId = () => Math.random().toString(36).slice(2, 8);

/** Demo people by the name the admin pages show. */
const demoNames = { consultant: 'Carlos Consultant', focalLima: 'Lucía Focal (Lima)' } as const;

export async function grantRole(admin: Page, personName: string, jurisdiction: string, role: 'Consultant' | 'Focal point') {
  await admin.goto('/admin/users');
  await admin.getByRole('link', { name: `Manage: ${personName}` }).click();
  // The list page's invitation form has a Jurisdiction field too: choose only once the person's page is there.
  await expect(admin.getByRole('heading', { level: 1, name: personName })).toBeVisible();
  await admin.getByLabel('Jurisdiction').selectOption({ label: jurisdiction });
  await admin.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await admin.getByRole('button', { name: 'Give role' }).click();
  await expect(admin.getByText('Roles saved.')).toBeVisible();
  await expect(admin.getByRole('list', { name: 'Roles' })).toContainText(jurisdiction);
}

/** Creates a jurisdiction through the admin form (the admin page is logged in); `country` as the English list names it. */
export async function createJurisdiction(admin: Page, j: { name: string; slug: string; country: string }) {
  await admin.goto('/admin/jurisdictions');
  const create = admin.getByRole('region', { name: 'New jurisdiction' });
  await create.getByLabel('Name').fill(j.name);
  await create.getByLabel('Slug').fill(j.slug);
  await create.getByLabel('Country').selectOption({ label: j.country });
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(create.getByText(`${j.name} was created.`)).toBeVisible();
}

/**
 * A new municipality in Peru, with the demo consultant as its consultant and
 * the demo focal point of Lima as its focal point too: both log in as usual.
 */
export async function freshJurisdiction(browser: Browser, prefix = 'Villa'): Promise<{ name: string; slug: string }> {
  const id = uniqueId();
  const name = `${prefix} ${id}`;
  const slug = `${prefix.toLowerCase()}-${id}`;
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await loginAs(admin, demo.admin);
    await createJurisdiction(admin, { name, slug, country: 'Peru' });
    await grantRole(admin, demoNames.consultant, name, 'Consultant');
    await grantRole(admin, demoNames.focalLima, name, 'Focal point');
  } finally {
    await context.close();
  }
  return { name, slug };
}

/** A new jurisdiction whose consultants are these demo people (by the name the admin pages show); returns its slug. */
export async function ownJurisdiction(browser: Browser, consultants: readonly string[]): Promise<string> {
  const id = uniqueId();
  const name = `Own ${id}`;
  const slug = `own-${id}`;
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await loginAs(admin, demo.admin);
    await createJurisdiction(admin, { name, slug, country: 'Peru' });
    for (const person of consultants) await grantRole(admin, person, name, 'Consultant');
  } finally {
    await context.close();
  }
  return slug;
}

/**
 * A review round's people on a jurisdiction of their own (Lima's focal point
 * serves it): the demo consultant and focal point signed in, each in a browser
 * context of their own, and a third, signed-out context for a reviewer.
 */
export async function reviewRoundPeople(browser: Browser, prefix: string) {
  const { name, slug } = await freshJurisdiction(browser, prefix);
  const [cp, fp, rp] = await Promise.all([0, 1, 2].map(async () => (await browser.newContext()).newPage()));
  await loginAs(cp, demo.consultant);
  await loginAs(fp, demo.focalLima);
  return { name, slug, cp, fp, rp };
}
