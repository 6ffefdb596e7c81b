import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessments, editions } from '../../db/schema';
import { startAssessment } from '../../lib/data/assessments';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { savePart } from '../../lib/data/parts';
import { startTranslation } from '../../lib/data/translations';
import { rowsOf } from '../../lib/data/sql-rows';
import { approveProfile, publishProfile, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import type { Actor } from '../../lib/policy';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe.each(targets)('publishing a source with its translations on %s', (target) => {
  freshDatabasePerSuite(target);

  async function approve(consultant: Actor, focal: Actor, id: string) {
    await submitForReview(consultant, id);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
  }

  /** A Spanish source and its English and French translations, all approved. */
  async function world() {
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const { id: sourceId } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: sourceId, ...slot }, { doc: para(`Texto ${slot.section}`), baseRevision: 0 });
    const { id: en } = await startTranslation(consultant, sourceId, 'en');
    const { id: fr } = await startTranslation(consultant, sourceId, 'fr');
    for (const id of [sourceId, en, fr]) await approve(consultant, focal, id);
    return { j, consultant, focal, admin, sourceId, en, fr };
  }

  const stateOf = async (id: string) => (await (await getDb()).select({ state: assessments.state }).from(assessments).where(eq(assessments.id, id)))[0].state;

  it('makes one edition in three languages: one month, one transaction', async () => {
    const { j, admin, sourceId, en, fr } = await world();
    const done = await publishProfile(admin, sourceId);
    expect(done.translations.map((t) => t.language)).toEqual(['en', 'fr']);
    const rows = await (await getDb())
      .select({ language: editions.language, year: editions.year, month: editions.month, version: editions.version, publishedAt: editions.publishedAt })
      .from(editions)
      .where(eq(editions.jurisdictionId, j.id));
    expect(rows.map((r) => r.language).sort()).toEqual(['en', 'es', 'fr']);
    expect(new Set(rows.map((r) => `${r.year}-${r.month}-${r.version}`)).size).toBe(1);
    expect(new Set(rows.map((r) => r.publishedAt.toISOString())).size).toBe(1);
    for (const id of [sourceId, en, fr]) expect(await stateOf(id)).toBe('published');
  });

  it('leaves a translation whose source changed since approval out (still approved)', async () => {
    const { j, consultant, focal, admin, sourceId, en, fr } = await world();
    // The source goes back to draft, changes one part, and is approved again: the French is now stale.
    const db = await getDb();
    await db.update(assessments).set({ state: 'draft' }).where(eq(assessments.id, sourceId));
    await savePart(consultant, { assessmentId: sourceId, section: 'introduction', part: 'body' }, { doc: para('Texto nuevo'), baseRevision: 1 });
    await approve(consultant, focal, sourceId);
    await db.execute(sql`UPDATE assessment_parts SET source_revision = 2 WHERE assessment_id = ${en} AND section = 'introduction'`);
    const done = await publishProfile(admin, sourceId);
    expect(done.translations.map((t) => t.language)).toEqual(['en']);
    expect(await stateOf(fr)).toBe('approved');
    const languages = (await db.select({ language: editions.language }).from(editions).where(eq(editions.jurisdictionId, j.id))).map((r) => r.language);
    expect(languages.sort()).toEqual(['en', 'es']);
  });

  it('publishes nothing when one translation cannot come out in the same edition', async () => {
    const { j, admin, sourceId, en, fr } = await world();
    const db = await getDb();
    // This month already has a French edition (say, imported): the French translation cannot join.
    const [{ year, month }] = rowsOf<{ year: number; month: number }>(await db.execute(sql`SELECT extract(year FROM now())::int AS year, extract(month FROM now())::int AS month`));
    await db.insert(editions).values({ jurisdictionId: j.id, language: 'fr', year, month, title: 'Déjà', content: {}, jurisdiction: {}, signOff: {} });
    const refused = await publishProfile(admin, sourceId).catch((e) => e);
    expect(refused).toMatchObject({ status: 409 });
    for (const id of [sourceId, en, fr]) expect(await stateOf(id)).toBe('approved');
    const rows = await db.select({ language: editions.language }).from(editions).where(and(eq(editions.jurisdictionId, j.id)));
    expect(rows.map((r) => r.language)).toEqual(['fr']);
  });

  it('publishes a translation approved after its source into the source edition\'s month, or on its own when that month has its language', async () => {
    const { j, admin, sourceId, en, fr } = await world();
    const db = await getDb();
    // The source went out as the edition of March 2020 (an edition row is only ever inserted).
    await db.update(assessments).set({ state: 'published' }).where(eq(assessments.id, sourceId));
    await db.insert(editions).values({ jurisdictionId: j.id, assessmentId: sourceId, language: 'es', year: 2020, month: 3, title: 'Fuente', content: {}, jurisdiction: {}, signOff: {} });
    // March 2020 has a French edition already: the French translation cannot join it.
    await db.insert(editions).values({ jurisdictionId: j.id, language: 'fr', year: 2020, month: 3, title: 'Déjà', content: {}, jurisdiction: {}, signOff: {} });
    const english = await publishProfile(admin, en);
    expect(english.edition).toMatchObject({ year: 2020, month: 3, version: 1 });
    const french = await publishProfile(admin, fr);
    const [{ year, month }] = rowsOf<{ year: number; month: number }>(await db.execute(sql`SELECT extract(year FROM now())::int AS year, extract(month FROM now())::int AS month`));
    expect(french.edition).toMatchObject({ year, month });
  });
});
