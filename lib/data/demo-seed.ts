import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { jurisdictions, memberships, users } from '../../db/schema';
import { hashPassword } from './passwords';
import { unsafeImportPortalPage, type ImportReport } from './portal-import';
import { loadActor } from './actor';
import { startAssessment } from './assessments';
import { ConflictError } from './errors';
import { submitForReview } from './workflow';

export const DEMO_PASSWORD = 'demo-password-2024';

export const demoAccounts = [
  { email: 'admin@example.org', name: 'Amina Admin', isAdmin: true, roles: [] },
  {
    email: 'consultant@example.org',
    name: 'Carlos Consultant',
    isAdmin: false,
    roles: [
      { slug: 'huaquillas', role: 'consultant' },
      { slug: 'lima', role: 'consultant' },
    ],
  },
  { email: 'focal.lima@example.org', name: 'Lucía Focal (Lima)', isAdmin: false, roles: [{ slug: 'lima', role: 'focal_point' }] },
  { email: 'focal.sonora@example.org', name: 'Sergio Focal (Sonora)', isAdmin: false, roles: [{ slug: 'sonora', role: 'focal_point' }] },
] as const;

// The jurisdictions of the seed profiles in ../shared/seeds.
const demoJurisdictions = [
  { slug: 'ecuador', name: 'Ecuador', level: 'country', country: 'EC', parent: null },
  { slug: 'huaquillas', name: 'Cantón Huaquillas', level: 'municipality', country: 'EC', parent: 'ecuador' },
  { slug: 'peru', name: 'Perú', level: 'country', country: 'PE', parent: null },
  { slug: 'lima', name: 'Lima', level: 'municipality', country: 'PE', parent: 'peru' },
  { slug: 'mexico', name: 'México', level: 'country', country: 'MX', parent: null },
  { slug: 'sonora', name: 'Sonora', level: 'state', country: 'MX', parent: 'mexico' },
] as const;

/**
 * Fills an empty database with the demo accounts and jurisdictions, in one
 * transaction. Returns false, changing nothing, when the database has users.
 */
export async function unsafeSeedDemoData(): Promise<boolean> {
  const db = await getDb();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(users);
    if (n > 0) return false;
    const ids = new Map<string, string>();
    for (const j of demoJurisdictions) {
      const [row] = await tx
        .insert(jurisdictions)
        .values({ slug: j.slug, name: j.name, level: j.level, country: j.country, parentId: j.parent ? ids.get(j.parent) : null })
        .returning({ id: jurisdictions.id });
      ids.set(j.slug, row.id);
    }
    for (const account of demoAccounts) {
      const [user] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, isAdmin: account.isAdmin, passwordHash })
        .returning({ id: users.id });
      for (const r of account.roles) {
        await tx.insert(memberships).values({ userId: user.id, jurisdictionId: ids.get(r.slug)!, role: r.role });
      }
    }
    return true;
  });
}

/** Real profiles saved from the MGI portal, shipped with the app as demo content. */
export const demoPortalPagesDir = path.join(process.cwd(), 'seeds', 'portal-pages');

/**
 * Publishes the seed profiles as imported editions, so that a newcomer finds
 * real content on /profiles. Idempotent like every import.
 */
export async function unsafeImportDemoEditions(): Promise<ImportReport[]> {
  const files = fs.readdirSync(demoPortalPagesDir).filter((f) => f.endsWith('.txt')).sort();
  const reports: ImportReport[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(demoPortalPagesDir, file), 'utf8');
    reports.push(await unsafeImportPortalPage({ text, source: file, dryRun: false }));
  }
  return reports;
}

/** The note the demo consultant sends with the demo round: in Spanish, the language of Lima's profile and of the people on it. */
export const DEMO_REVIEW_NOTE = 'Borrador listo para su revisión: parte de la edición de 2022.';

/**
 * A round in review, so that a newcomer can try what a review is: the demo
 * consultant opens Lima's next profile from its latest edition and sends it to
 * Lima's focal point, who finds it awaiting their review (comments,
 * suggestions, approval, then an admin's publication). Only `npm run demo`
 * makes it, on a database it has just filled (cli/serve.ts); the e2e and system
 * tests seed without it. Returns the profile's id, or null when Lima already has
 * a round open.
 */
export async function unsafeStartDemoReview(): Promise<string | null> {
  const db = await getDb();
  const [consultant] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'consultant@example.org'));
  const actor = consultant && (await loadActor(consultant.id, 'session'));
  if (!actor) return null;
  try {
    const { id } = await startAssessment(actor, { jurisdiction: 'lima', language: 'es' });
    await submitForReview(actor, id, DEMO_REVIEW_NOTE);
    return id;
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}
