import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessmentParts, assessments, partRevisions } from '../../db/schema';
import { getAssessment, startAssessment } from '../../lib/data/assessments';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../lib/data/errors';
import { getPartRevision, listPartRevisions, restorePartRevision, RevisionConflictError, savePart } from '../../lib/data/parts';
import { heartbeatPresence } from '../../lib/data/presence';
import { seedJurisdiction, seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe.each(targets)('authoring on %s', (target) => {
  freshDatabasePerSuite(target);

  async function world() {
    const j = await seedJurisdiction({ name: 'Cantón Huaquillas', country: 'Ecuador' });
    const consultant = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const second = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const stranger = await seedUser({ roles: [] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'es' });
    return { j, consultant: consultant.actor, second: second.actor, focal: focal.actor, stranger: stranger.actor, id };
  }

  it('starts a profile with a default title and thirteen empty parts at revision 0', async () => {
    const { id, consultant } = await world();
    const profile = await getAssessment(consultant, id);
    expect(profile.title).toBe('Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)');
    expect(profile.state).toBe('draft');
    expect(profile.parts).toHaveLength(13);
    expect(new Set(profile.parts.map((p) => p.revision))).toEqual(new Set([0]));
  });

  it('allows one unpublished profile per jurisdiction and language, and names the open one', async () => {
    const { j, consultant, id } = await world();
    const second = startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    await expect(second).rejects.toMatchObject({ code: 'assessment_open', details: { id } });
    const french = await startAssessment(consultant, { jurisdiction: j.slug, language: 'fr' });
    expect(french.id).not.toBe(id);
  });

  it('lets only consultants of the jurisdiction start a profile', async () => {
    const { j, focal, stranger } = await world();
    await expect(startAssessment(focal, { jurisdiction: j.slug, language: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startAssessment(stranger, { jurisdiction: j.slug, language: 'en' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('saves with the base revision, keeps every revision, and restores as a new one', async () => {
    const { id, consultant } = await world();
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    expect(await savePart(consultant, ref, { doc: para('first'), baseRevision: 0 })).toEqual({ revision: 1 });
    expect(await savePart(consultant, ref, { doc: para('second'), baseRevision: 1 })).toEqual({ revision: 2 });
    const restored = await restorePartRevision(consultant, ref, 1, 2);
    expect(restored).toEqual({ revision: 3 });
    expect((await getPartRevision(consultant, ref, 3)).doc).toEqual(para('first'));
    const history = await listPartRevisions(consultant, ref);
    expect(history.map((h) => [h.revision, h.restoredFrom])).toEqual([[3, 1], [2, null], [1, null]]);
  });

  it('refuses a save on an old revision with the current text, changing nothing', async () => {
    const { id, consultant, second } = await world();
    const ref = { assessmentId: id, section: 'partnerships', part: 'potential' } as const;
    await savePart(consultant, ref, { doc: para('mine'), baseRevision: 0 });
    const attempt = savePart(second, ref, { doc: para('theirs'), baseRevision: 0 });
    await expect(attempt).rejects.toBeInstanceOf(RevisionConflictError);
    await expect(attempt).rejects.toMatchObject({ current: { doc: para('mine'), revision: 1 } });
  });

  it('names who saved meanwhile and when in the conflict, and changes nothing', async () => {
    const { id, consultant, second } = await world();
    const ref = { assessmentId: id, section: 'mobility_crises', part: 'strengths' } as const;
    const before = Date.now();
    await savePart(consultant, ref, { doc: para('first words'), baseRevision: 0 });
    const error = await savePart(second, ref, { doc: para('other words'), baseRevision: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflictError);
    const current = (error as RevisionConflictError).current;
    expect(current.doc).toEqual(para('first words'));
    expect(current.revision).toBe(1);
    expect(current.savedBy).toEqual({ name: consultant.name });
    // An ISO time at or after the save started (the database clock may be a little apart from ours).
    expect(current.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(Date.parse(current.savedAt!)).toBeGreaterThan(before - 60_000);
    const profile = await getAssessment(consultant, id);
    expect(profile.parts.find((p) => p.section === ref.section && p.part === ref.part)?.revision).toBe(1);
    expect(await listPartRevisions(consultant, ref)).toHaveLength(1);
  });

  it('gives exactly one success and 19 conflicts for 20 parallel saves on the same base', async () => {
    const { id, consultant } = await world();
    const ref = { assessmentId: id, section: 'well_being', part: 'strengths' } as const;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => savePart(consultant, ref, { doc: para(`writer ${i}`), baseRevision: 0 })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof RevisionConflictError);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);

    // Then 20 saves in sequence, each on the latest: revisions 2..21 with no gap or duplicate.
    for (let base = 1; base <= 20; base++) await savePart(consultant, ref, { doc: para(`step ${base}`), baseRevision: base });
    const db = await getDb();
    const revs = await db
      .select({ revision: partRevisions.revision })
      .from(partRevisions)
      .where(and(eq(partRevisions.assessmentId, id), eq(partRevisions.section, ref.section), eq(partRevisions.part, ref.part)))
      .orderBy(partRevisions.revision);
    expect(revs.map((r) => r.revision)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('refuses bad documents with a reason, storing nothing', async () => {
    const { id, consultant } = await world();
    const ref = { assessmentId: id, section: 'introduction', part: 'body' } as const;
    const evil = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    await expect(savePart(consultant, ref, { doc: evil, baseRevision: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(savePart(consultant, ref, { doc: { type: 'doc', content: [{ type: 'heading' }] }, baseRevision: 0 })).rejects.toMatchObject({ code: 'doc_invalid', status: 400 });
    const db = await getDb();
    const [part] = await db.select().from(assessmentParts).where(and(eq(assessmentParts.assessmentId, id), eq(assessmentParts.section, 'introduction')));
    expect(part.revision).toBe(0);
    expect(await db.select().from(partRevisions).where(eq(partRevisions.assessmentId, id))).toHaveLength(0);
  });

  it('lets nobody but a consultant edit, and nobody outside draft', async () => {
    const { id, consultant, focal, stranger } = await world();
    const ref = { assessmentId: id, section: 'mobility_crises', part: 'strengths' } as const;
    await expect(savePart(focal, ref, { doc: para('x'), baseRevision: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(savePart(stranger, ref, { doc: para('x'), baseRevision: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessment(stranger, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getAssessment(focal, id)).id).toBe(id);

    const db = await getDb();
    await db.update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    const attempt = savePart(consultant, ref, { doc: para('x'), baseRevision: 0 });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'wrong_state' });
  });

  it('shows who else has a part open', async () => {
    const { id, consultant, second } = await world();
    const ref = { assessmentId: id, section: 'partnerships', part: 'strengths' } as const;
    expect(await heartbeatPresence(consultant, ref)).toEqual([]);
    const seen = await heartbeatPresence(second, ref);
    expect(seen).toEqual([{ section: 'partnerships', part: 'strengths', name: consultant.name, userId: consultant.userId }]);
  });
});
