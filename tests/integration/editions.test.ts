import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessments, editions, jurisdictions } from '../../db/schema';
import { getAssessment, listAssessmentsOfJurisdiction, startAssessment, updateAssessmentTitle } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { setThreadStatus } from '../../lib/data/comments-write';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { editionOfProfile, getEdition, listEditions, listEditionVersions, listPublishedJurisdictions, previewEdition, publicationPlan } from '../../lib/data/editions';
import type { Actor } from '../../lib/policy';
import { savePart } from '../../lib/data/parts';
import { approveProfile, publishProfile, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const bullets = (...items: string[]) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }],
});

describe.each(targets)('editions on %s', (target) => {
  freshDatabasePerSuite(target);

  async function approved() {
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const slot of profileSlots) {
      await savePart(consultant, { assessmentId: id, ...slot }, { doc: bullets(`${slot.section} ${slot.part} uno`, 'dos'), baseRevision: 0 });
    }
    await submitForReview(consultant, id, 'Lista');
    const { thread } = await startThread(focal, id, { section: 'partnerships', part: 'strengths', quote: 'uno', body: '¿Seguro?' });
    await setThreadStatus(focal, id, thread.id, 'resolved');
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    return { j, id, consultant, focal, admin };
  }

  it('publishing freezes the whole profile, with its sign-off trail, in one edition', async () => {
    const { j, id, consultant, focal, admin } = await approved();
    await publishProfile(admin, id);
    const now = new Date();
    const edition = (await getEdition(j.slug, 'latest'))!;
    expect(edition).toMatchObject({ slug: j.slug, language: 'es', year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
    expect(edition.jurisdiction).toEqual({ name: j.name, level: j.level, country: j.country });
    expect(JSON.stringify(edition.content.domains.partnerships.strengths)).toContain('partnerships strengths uno');
    expect(JSON.stringify(edition.content)).not.toContain('"comment"'); // review marks are not published
    expect(edition.signOff).toMatchObject({ submittedBy: consultant.name, approvedBy: focal.name, publishedBy: admin.name, resolvedComments: 1 });
    expect((await getAssessment(admin, id)).state).toBe('published');
    expect((await listEditions({ jurisdiction: j.slug })).map((e) => e.id)).toEqual([edition.id]);
    const listed = (await listPublishedJurisdictions({ q: j.name.slice(0, 5) })).rows.find((r) => r.slug === j.slug);
    expect(listed?.latest).toMatchObject({ year: edition.year, month: edition.month, language: 'es', title: edition.title });
    // A NUL (which PostgreSQL text cannot hold) in a filter matches nothing rather than failing the query.
    for (const filter of [{ q: '\u0000' }, { q: `${j.name.slice(0, 5)}\u0000` }, { country: '\u0000' }]) {
      expect((await listPublishedJurisdictions(filter)).rows).toEqual([]);
    }
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on editions', async () => {
    const { j, id, admin } = await approved();
    await publishProfile(admin, id);
    const db = await getDb();
    for (const statement of [
      sql`UPDATE editions SET title = 'Changed' WHERE jurisdiction_id = ${j.id}`,
      sql`UPDATE editions SET content = '{}'::jsonb`,
      sql`DELETE FROM editions WHERE jurisdiction_id = ${j.id}`,
      sql`TRUNCATE editions`,
    ]) {
      const error = (await db.execute(statement).then(() => null, (e) => e)) as { message: string; cause?: { message: string } } | null;
      expect(error?.cause?.message ?? error?.message).toMatch(/editions are immutable/);
    }
    const [row] = await db.select().from(editions).where(eq(editions.jurisdictionId, j.id));
    expect(row.title).not.toBe('Changed');
  });

  it('20 parallel publishes make exactly one edition', async () => {
    const { j, id, admin } = await approved();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => publishProfile(admin, id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(r.reason).toMatchObject({ status: 409 });
    expect(await listEditions({ jurisdiction: j.slug })).toHaveLength(1);
  });

  it('an edition reads the same after its draft and its jurisdiction are renamed', async () => {
    const { j, id, consultant, admin } = await approved();
    await publishProfile(admin, id);
    const before = await getEdition(j.slug, 'latest');
    const db = await getDb();
    await db.update(jurisdictions).set({ name: 'Renamed', country: 'Elsewhere' }).where(eq(jurisdictions.id, j.id));
    await db.update(assessments).set({ title: 'Renamed draft' }).where(eq(assessments.id, id));
    // A new round starts as a copy of the latest edition; editing it leaves the edition alone.
    const next = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    const copy = await getAssessment(consultant, next.id);
    expect(copy.title).toBe(before!.title);
    expect(JSON.stringify(copy.parts.find((p) => p.section === 'well_being' && p.part === 'potential')?.doc)).toContain('well_being potential uno');
    await updateAssessmentTitle(consultant, next.id, 'Una nueva ronda');
    await savePart(consultant, { assessmentId: next.id, section: 'introduction', part: 'body' }, { doc: bullets('cambiado'), baseRevision: 0 });
    expect(await getEdition(j.slug, 'latest')).toEqual(before);
  });

  it('refuses a second edition in the same month, saying why and what to do, and changes nothing', async () => {
    const first = await approved();
    await publishProfile(first.admin, first.id);
    // A second round of the same jurisdiction and language, approved in the same month.
    const { id } = await startAssessment(first.consultant, { jurisdiction: first.j.slug, language: 'es' });
    await submitForReview(first.consultant, id);
    for (const d of domainKeys) await reviewDomain(first.focal, id, d, 'accept', null);
    await approveProfile(first.focal, id);
    const error = await publishProfile(first.admin, id).catch((e) => e);
    expect(error).toMatchObject({ code: 'edition_exists_this_month', status: 409 });
    expect(error.message).toMatch(/already has an edition .* Publish this profile from next month on/);
    expect((await getAssessment(first.admin, id)).state).toBe('approved');
    expect(await listEditions({ jurisdiction: first.j.slug })).toHaveLength(1);
  });
});

describe.each(targets)('corrections on %s', (target) => {
  freshDatabasePerSuite(target);

  async function approvedRound(j: { slug: string }, consultant: Actor, focal: Actor, publishAs?: 'edition' | 'correction', text = 'uno') {
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es', publishAs });
    for (const slot of profileSlots) {
      const current = (await getAssessment(consultant, id)).parts.find((p) => p.section === slot.section && p.part === slot.part)!;
      await savePart(consultant, { assessmentId: id, ...slot }, { doc: bullets(`${slot.section} ${slot.part} ${text}`), baseRevision: current.revision });
    }
    await submitForReview(consultant, id);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    return id;
  }

  async function people() {
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    return { j, consultant, focal, admin };
  }

  it('a correction round says so from its start and publishes the next version of the same month, keeping the original', async () => {
    const { j, consultant, focal, admin } = await people();
    await publishProfile(admin, await approvedRound(j, consultant, focal));
    const original = (await getEdition(j.slug, 'latest'))!;
    const id = await approvedRound(j, consultant, focal, 'correction', 'corregido');
    // Decided when the round started, visible before anyone publishes.
    expect(await publicationPlan(consultant, id)).toEqual({ kind: 'correction', year: original.year, month: original.month, version: 2 });
    // The note says what was corrected; without one, nothing is published.
    expect(await publishProfile(admin, id).catch((e) => e)).toMatchObject({ code: 'correction_note_required', status: 400 });
    expect((await getAssessment(admin, id)).state).toBe('approved');
    await publishProfile(admin, id, 'Typo in the introduction');

    const month = { year: original.year, month: original.month };
    const current = (await getEdition(j.slug, month))!;
    expect(current).toMatchObject({ version: 2, correctsEditionId: original.id, note: 'Typo in the introduction', year: original.year, month: original.month });
    expect(JSON.stringify(current.content.introduction)).toContain('corregido');
    // The original is unchanged and still reachable by its version.
    expect(await getEdition(j.slug, { ...month, version: 1 })).toEqual(original);
    expect((await listEditionVersions(j.slug, month, 'es')).map((e) => e.version)).toEqual([1, 2]);
    // Lists name the month once, by its newest version.
    expect((await listEditions({ jurisdiction: j.slug })).map((e) => e.id)).toEqual([current.id]);
    expect((await getEdition(j.slug, 'latest'))!.id).toBe(current.id);
  });

  it('the preview before publishing is the edition publishing would make, and makes none; the published profile names its edition', async () => {
    const { j, consultant, focal, admin } = await people();
    const id = await approvedRound(j, consultant, focal);
    const { view, plan } = await previewEdition(admin, id);
    expect(plan.kind).toBe('edition');
    expect(await listEditions({ jurisdiction: j.slug })).toHaveLength(0);
    expect(await editionOfProfile(admin, id)).toBeNull();
    await publishProfile(admin, id);
    const published = (await getEdition(j.slug, 'latest'))!;
    expect(view).toMatchObject({ title: published.title, year: published.year, month: published.month, version: 1, content: published.content, jurisdiction: published.jurisdiction });
    expect(await editionOfProfile(consultant, id)).toEqual({ slug: j.slug, year: published.year, month: published.month, version: 1, language: 'es' });
    // The next round knows which edition it was copied from.
    const next = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    expect((await getAssessment(consultant, next.id)).basedOnEditionId).toBe(published.id);
  });

  it('a second correction replaces the newest version, and a new-edition round in the same month says it must wait', async () => {
    const { j, consultant, focal, admin } = await people();
    await publishProfile(admin, await approvedRound(j, consultant, focal));
    const first = await approvedRound(j, consultant, focal, 'correction', 'uno');
    await publishProfile(admin, first, 'First fix');
    const v2 = (await getEdition(j.slug, 'latest'))!;
    const second = await approvedRound(j, consultant, focal, 'correction', 'dos');
    await publishProfile(admin, second, 'Second fix');
    expect(await getEdition(j.slug, 'latest')).toMatchObject({ version: 3, correctsEditionId: v2.id });

    const id = await approvedRound(j, consultant, focal, 'edition');
    const plan = await publicationPlan(consultant, id);
    expect(plan).toMatchObject({ kind: 'wait', year: v2.year, month: v2.month });
    expect(await publishProfile(admin, id).catch((e) => e)).toMatchObject({ code: 'edition_exists_this_month', status: 409 });
  });

  it('a correction needs an edition to correct, and the database refuses a version without what it corrects', async () => {
    const { j, consultant, admin } = await people();
    expect(await startAssessment(consultant, { jurisdiction: j.slug, language: 'es', publishAs: 'correction' }).catch((e) => e)).toMatchObject({
      code: 'nothing_to_correct',
      status: 400,
    });
    expect(await listAssessmentsOfJurisdiction(admin, j.id)).toHaveLength(0);
    const db = await getDb();
    const row = { jurisdictionId: j.id, language: 'es' as const, year: 2020, month: 1, title: 'x', content: {}, jurisdiction: {}, signOff: {} };
    await db.insert(editions).values(row);
    const error = await db.insert(editions).values({ ...row, version: 2 }).then(() => null, (e) => e);
    expect(error).not.toBeNull();
  });
});
