import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { memberships, sectionReads, users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { getAssessmentHeader, startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { replyToThread } from '../../lib/data/comments-write';
import { getConsultation, recordSectionRead } from '../../lib/data/consultation';
import { ForbiddenError, NotFoundError } from '../../lib/data/errors';
import { savePart } from '../../lib/data/parts';
import { decideSuggestions } from '../../lib/data/suggestions';
import { requestChanges, submitForReview } from '../../lib/data/workflow';
import type { ConsultationSection } from '../../lib/domain/consultation';
import { profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const AT = '2026-12-02T10:00:00.000Z';
const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const doc = (...content: object[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const insertion = (id: string, who: { id: string; name: string }) => ({ type: 'insertion', attrs: { id, authorId: who.id, authorName: who.name, at: AT, comment: null } });

describe.each(targets)('the consultation (who read, commented, suggested) on %s', (target) => {
  freshDatabasePerSuite(target);

  /** A complete profile in review, with a suggestion by the reviewer in partnerships/potential. */
  async function world() {
    const j = await seedJurisdiction();
    const other = await seedJurisdiction();
    const consultant = (await seedUser({ name: 'Carla Consultant', roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ name: 'Fiona Focal', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const reviewer = (await seedUser({ name: 'Rita Reviewer', roles: [{ jurisdictionId: j.id, role: 'reviewer' }] })).actor;
    const laterReviewer = (await seedUser({ name: 'Raúl Later', roles: [{ jurisdictionId: j.id, role: 'reviewer' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const otherFocal = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'focal_point' }] })).actor;
    const stranger = (await seedUser()).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'en' });
    for (const s of profileSlots) await savePart(consultant, { assessmentId: id, ...s }, { doc: doc(t(`Text of ${s.section} ${s.part}.`)), baseRevision: 0 });
    const suggestion = crypto.randomUUID();
    await savePart(
      consultant,
      { assessmentId: id, section: 'partnerships', part: 'potential' },
      { doc: doc(t('Text of partnerships potential'), t(' with the ministries', [insertion(suggestion, { id: reviewer.userId, name: reviewer.name })]), t('.')), baseRevision: 1 },
    );
    await submitForReview(consultant, id);
    const profile = await getAssessmentHeader(consultant, id);
    return { j, id, profile, suggestion, consultant, focal, reviewer, laterReviewer, admin, otherFocal, stranger };
  }

  const readRows = async (assessmentId: string) =>
    (await getDb()).select().from(sectionReads).where(eq(sectionReads.assessmentId, assessmentId));
  const row = (sections: ConsultationSection[], section: string, userId: string) => sections.find((s) => s.section === section)!.rows.find((r) => r.person.userId === userId)!;

  it('records a focal point’s or reviewer’s view of a section once, keeping the first view and moving the last', async () => {
    const { id, profile, reviewer } = await world();
    expect(await recordSectionRead(reviewer, profile, 'migrants_rights')).toBe(true);
    const [first] = await readRows(id);
    expect(first).toMatchObject({ userId: reviewer.userId, section: 'migrants_rights' });
    expect(await recordSectionRead(reviewer, profile, 'migrants_rights')).toBe(true);
    const again = await readRows(id);
    expect(again).toHaveLength(1);
    expect(again[0].firstReadAt).toEqual(first.firstReadAt);
    expect(again[0].lastReadAt.getTime()).toBeGreaterThanOrEqual(first.lastReadAt.getTime());
  });

  it('writes nothing for consultants and admins, outside the review, for a section that does not exist, or for someone who does not see the profile', async () => {
    const { id, profile, consultant, admin, focal, reviewer, stranger, otherFocal } = await world();
    expect(await recordSectionRead(consultant, profile, 'migrants_rights')).toBe(false);
    expect(await recordSectionRead(admin, profile, 'migrants_rights')).toBe(false);
    expect(await recordSectionRead(stranger, profile, 'migrants_rights')).toBe(false);
    expect(await recordSectionRead(otherFocal, profile, 'migrants_rights')).toBe(false);
    await expect(recordSectionRead(focal, profile, 'no_such_domain')).rejects.toBeInstanceOf(NotFoundError);
    // A view that races the end of the review: the caller still holds the profile as in review, the database says draft.
    await requestChanges(focal, id, 'Please cite the 2023 ordinance.');
    expect(await recordSectionRead(focal, profile, 'migrants_rights')).toBe(false);
    expect(await recordSectionRead(reviewer, { ...profile, state: 'draft' }, 'migrants_rights')).toBe(false);
    expect(await readRows(id)).toEqual([]);
  });

  it('shows the focal point, per section, who read, commented and suggested there, and nothing elsewhere', async () => {
    const { id, profile, focal, reviewer, laterReviewer, consultant } = await world();
    await recordSectionRead(reviewer, profile, 'migrants_rights');
    const { thread } = await startThread(reviewer, id, { section: 'migrants_rights', part: 'strengths', quote: 'Text of', body: 'The ministry proposes to cite the law.' });
    await replyToThread(reviewer, id, thread.id, 'And the 2023 ordinance.');
    await replyToThread(consultant, id, thread.id, 'Noted.'); // a consultant is not consulted: not counted

    const { sections } = await getConsultation(focal, id);
    expect(sections.map((s) => s.section)).toEqual(['introduction', 'migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular']);
    // Focal points first, then reviewers by name.
    expect(sections[0].rows.map((r) => r.person.name)).toEqual(['Fiona Focal', 'Raúl Later', 'Rita Reviewer']);
    const rights = sections.find((s) => s.section === 'migrants_rights')!;
    expect(rights.summary).toEqual({ people: 3, read: 1, commented: 1, suggested: 0 });
    expect(row(sections, 'migrants_rights', reviewer.userId)).toMatchObject({
      read: { firstAt: expect.any(Date), lastAt: expect.any(Date) },
      comments: { count: 2, lastAt: expect.any(Date) },
      suggestions: { open: 0, decided: 0, lastAt: null },
    });
    expect(row(sections, 'migrants_rights', laterReviewer.userId)).toMatchObject({ read: null, comments: { count: 0 } });
    // Elsewhere: the suggestion in partnerships, and nothing read.
    expect(row(sections, 'partnerships', reviewer.userId)).toMatchObject({ read: null, comments: { count: 0 }, suggestions: { open: 1, decided: 0, lastAt: new Date(AT) } });
    expect(sections.find((s) => s.section === 'partnerships')!.summary).toEqual({ people: 3, read: 0, commented: 0, suggested: 1 });
    for (const s of sections.filter((x) => x.section !== 'migrants_rights')) expect(s.summary.read).toBe(0);
  });

  it('counts a suggestion once decided, and keeps the reads after the review goes back to draft', async () => {
    const { id, profile, focal, reviewer, consultant, suggestion } = await world();
    await recordSectionRead(reviewer, profile, 'partnerships');
    await requestChanges(focal, id, 'See the suggestion.');
    await decideSuggestions(consultant, id, { suggestionId: suggestion }, 'reject');
    const { sections } = await getConsultation(consultant, id);
    expect(row(sections, 'partnerships', reviewer.userId)).toMatchObject({ read: expect.any(Object), suggestions: { open: 0, decided: 1 } });
    expect(sections.find((s) => s.section === 'partnerships')!.summary).toMatchObject({ read: 1, suggested: 1 });
  });

  it('is for the focal points, consultants and admins: 403 for a reviewer, 404 for whoever does not see the profile', async () => {
    const { id, focal, consultant, admin, reviewer, otherFocal, stranger } = await world();
    for (const who of [focal, consultant, admin]) expect((await getConsultation(who, id)).profile.id).toBe(id);
    await expect(getConsultation(reviewer, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getConsultation(otherFocal, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getConsultation(stranger, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getConsultation(focal, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    // Back in draft the profile does not exist for a reviewer at all.
    await requestChanges(focal, id, 'Back to you.');
    await expect(getConsultation(reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists a lapsed reviewer, and a deactivated one, as such, with what they did, outside the counts', async () => {
    const { id, profile, focal, reviewer, laterReviewer } = await world();
    await recordSectionRead(reviewer, profile, 'introduction');
    const db = await getDb();
    await db
      .update(memberships)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(memberships.userId, reviewer.userId), eq(memberships.role, 'reviewer')));
    await db.update(users).set({ active: false }).where(eq(users.id, laterReviewer.userId));
    // A lapsed reviewer no longer reads: nothing more is recorded for them.
    const lapsed = (await loadActor(reviewer.userId, 'session'))!;
    expect(await recordSectionRead(lapsed, profile, 'well_being')).toBe(false);

    const { sections } = await getConsultation(focal, id);
    expect(sections[0].rows.map((r) => [r.person.name, r.person.ended])).toEqual([
      ['Fiona Focal', null],
      ['Raúl Later', 'deactivated'],
      ['Rita Reviewer', 'lapsed'],
    ]);
    expect(row(sections, 'introduction', reviewer.userId).read).not.toBeNull();
    expect(sections[0].summary).toEqual({ people: 1, read: 0, commented: 0, suggested: 0 });
    expect(row(sections, 'well_being', reviewer.userId).read).toBeNull();
  });
});
