import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessments } from '../../db/schema';
import { getAssessment, startAssessment } from '../../lib/data/assessments';
import { ConflictError, InvalidInputError, NotFoundError, ForbiddenError, type DataError } from '../../lib/data/errors';
import { storeLivePart } from '../../lib/data/live-parts';
import { savePart, type PartRef } from '../../lib/data/parts';
import { startThread } from '../../lib/data/comments-anchor';
import { markPartUpToDate, sourceTextAt, startTranslation, translationState } from '../../lib/data/translations';
import { submitForReview } from '../../lib/data/workflow';
import { listMyWork } from '../../lib/data/dashboard';
import { yStateFromJson } from '../../lib/collab/yjs-doc';
import { profileSlots, type PartKey, type SectionKey } from '../../lib/domain/profile';
import { plainText } from '../../lib/domain/editor/doc-text';
import type { ProfileDoc } from '../../lib/domain/editor/validate-doc';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe.each(targets)('translations on %s', (target) => {
  freshDatabasePerSuite(target);

  /** A Spanish draft with every part saved once, and the people around it. */
  async function world() {
    const j = await seedJurisdiction({ level: 'country', country: 'EC', name: 'Ecuador' });
    const other = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const foreignFocal = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'focal_point' }] })).actor;
    const foreignConsultant = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'consultant' }] })).actor;
    const { id: sourceId } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const slot of profileSlots) {
      await savePart(consultant, { assessmentId: sourceId, ...slot }, { doc: para(`Texto ${slot.section} ${slot.part}`), baseRevision: 0 });
    }
    return { j, sourceId, consultant, focal, foreignFocal, foreignConsultant };
  }

  const ref = (assessmentId: string, section: SectionKey, part: PartKey): PartRef => ({ assessmentId, section, part });
  const staleOf = async (actor: Parameters<typeof translationState>[0], id: string) =>
    (await translationState(actor, { id, sourceId: (await getAssessment(actor, id)).sourceId }))!.parts
      .filter((p) => p.stale)
      .map((p) => `${p.section}/${p.part}`)
      .sort();

  it('starts a linked translation: same jurisdiction, its own default title, parts copied from the source with their revision', async () => {
    const { j, sourceId, consultant } = await world();
    const { id } = await startTranslation(consultant, sourceId, 'en');
    const t = await getAssessment(consultant, id);
    expect(t).toMatchObject({ sourceId, language: 'en', jurisdictionId: j.id, state: 'draft' });
    expect(t.title).toMatch(/Ecuador/);
    expect(t.title).not.toBe((await getAssessment(consultant, sourceId)).title);
    expect(t.parts).toHaveLength(13);
    for (const p of t.parts) {
      expect(plainText(p.doc)).toBe(`Texto ${p.section} ${p.part}`);
      expect(p.sourceRevision).toBe(1);
      expect(p.revision).toBe(0);
    }
    expect(await staleOf(consultant, id)).toEqual([]);
    // Every part is still the source's text: not translated yet, until it is written over.
    const untranslated = async () => (await translationState(consultant, { id, sourceId }))!.parts.filter((p) => p.untranslated).length;
    expect(await untranslated()).toBe(13);
    await savePart(consultant, { assessmentId: id, section: 'introduction', part: 'body' }, { doc: para('Text of the introduction'), baseRevision: 0 });
    expect(await untranslated()).toBe(12);
  });

  it('answers a second translation into the same language with the open one, and refuses the source language', async () => {
    const { sourceId, consultant } = await world();
    const { id } = await startTranslation(consultant, sourceId, 'en');
    const again = await startTranslation(consultant, sourceId, 'en').catch((e: DataError) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as DataError).details?.id).toBe(id);
    await expect(startTranslation(consultant, sourceId, 'es')).rejects.toMatchObject({ code: 'same_language', status: 400 });
    // French is another language: allowed alongside, from the source but not from its translation.
    await expect(startTranslation(consultant, id, 'fr')).rejects.toMatchObject({ code: 'translate_the_source', status: 400 });
    await startTranslation(consultant, sourceId, 'fr');
  });

  it('is for consultants of the jurisdiction; someone of another jurisdiction does not see the source', async () => {
    const { sourceId, consultant, focal, foreignFocal, foreignConsultant } = await world();
    await expect(startTranslation(focal, sourceId, 'en')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startTranslation(foreignFocal, sourceId, 'en')).rejects.toBeInstanceOf(NotFoundError);
    await expect(startTranslation(foreignConsultant, sourceId, 'en')).rejects.toBeInstanceOf(NotFoundError);
    const { id } = await startTranslation(consultant, sourceId, 'en');
    await expect(markPartUpToDate(foreignFocal, ref(id, 'introduction', 'body'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(markPartUpToDate(focal, ref(id, 'introduction', 'body'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAssessment(foreignFocal, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('flags exactly the parts whose source changed (API saves and live saves), not those only given a comment', async () => {
    const { sourceId, consultant } = await world();
    const { id } = await startTranslation(consultant, sourceId, 'en');
    await savePart(consultant, ref(sourceId, 'partnerships', 'strengths'), { doc: para('Texto nuevo de alianzas'), baseRevision: 1 });
    // A live edit of the source stores its revision through lib/data/live-parts.ts.
    const live = para('Texto en vivo de bienestar') as ProfileDoc;
    await storeLivePart(ref(sourceId, 'well_being', 'potential'), { doc: live, state: yStateFromJson(live), contributors: [consultant.userId] });
    // A comment moves the source part's revision on but not its words.
    const marked = await startThread(consultant, sourceId, { section: 'introduction', part: 'body', quote: 'Texto', body: '¿Seguro?' });
    expect(marked.revision).toBe(2);
    expect(await staleOf(consultant, id)).toEqual(['partnerships/strengths', 'well_being/potential']);
    // Translating a part does not make it current: only marking it does.
    await savePart(consultant, ref(id, 'partnerships', 'strengths'), { doc: para('New partnerships text'), baseRevision: 0 });
    expect(await staleOf(consultant, id)).toEqual(['partnerships/strengths', 'well_being/potential']);
    // The diff compares the source as it was then with now.
    expect(plainText(await sourceTextAt(consultant, ref(sourceId, 'partnerships', 'strengths'), 1))).toBe('Texto partnerships strengths');
    // The dashboard counts them too, on the translation only.
    const drafts = (await listMyWork(consultant)).drafts;
    expect(drafts.find((d) => d.id === id)?.stale).toBe(2);
    expect(drafts.find((d) => d.id === sourceId)?.stale).toBe(0);
    await markPartUpToDate(consultant, ref(id, 'partnerships', 'strengths'));
    expect((await listMyWork(consultant)).drafts.find((d) => d.id === id)?.stale).toBe(1);
  });

  it('clears a flag when marked up to date, and refuses a mark based on a source revision that moved on', async () => {
    const { sourceId, consultant } = await world();
    const { id } = await startTranslation(consultant, sourceId, 'en');
    const slot = ref(id, 'mobility_crises', 'potential');
    await savePart(consultant, ref(sourceId, 'mobility_crises', 'potential'), { doc: para('Cambio uno'), baseRevision: 1 });
    expect(await staleOf(consultant, id)).toEqual(['mobility_crises/potential']);
    // The translator looked at revision 2, but the source moved to 3 meanwhile.
    await savePart(consultant, ref(sourceId, 'mobility_crises', 'potential'), { doc: para('Cambio dos'), baseRevision: 2 });
    const refused = await markPartUpToDate(consultant, slot, 2).catch((e: DataError) => e);
    expect(refused).toMatchObject({ code: 'source_moved', status: 409, details: { sourceRevision: 3 } });
    expect(await staleOf(consultant, id)).toEqual(['mobility_crises/potential']);
    expect(await markPartUpToDate(consultant, slot, 3)).toEqual({ sourceRevision: 3 });
    expect(await staleOf(consultant, id)).toEqual([]);
    // Marking a profile that translates nothing is refused.
    await expect(markPartUpToDate(consultant, ref(sourceId, 'introduction', 'body'))).rejects.toMatchObject({ code: 'not_a_translation' });
  });

  it('keeps a consistent state under parallel source saves and marks', async () => {
    const { sourceId, consultant } = await world();
    const { id } = await startTranslation(consultant, sourceId, 'en');
    const sourceSlot = ref(sourceId, 'introduction', 'body');
    const slot = ref(id, 'introduction', 'body');
    const saves = Array.from({ length: 6 }, async (_, i) => {
      // Each save retries on a conflict, as an editor would.
      for (;;) {
        const current = (await getAssessment(consultant, sourceId)).parts.find((p) => p.section === 'introduction')!.revision;
        try {
          return await savePart(consultant, sourceSlot, { doc: para(`Versión ${i}`), baseRevision: current });
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
    });
    const marks = Array.from({ length: 6 }, () => markPartUpToDate(consultant, slot));
    await Promise.all([...saves, ...marks]);
    const recorded = (await getAssessment(consultant, id)).parts.find((p) => p.section === 'introduction')!.sourceRevision!;
    // Every mark recorded a revision the source really had; the flag says whether it is the last.
    expect(recorded).toBeGreaterThanOrEqual(1);
    expect(recorded).toBeLessThanOrEqual(7);
    expect(await sourceTextAt(consultant, sourceSlot, recorded)).not.toBeNull();
    expect(await staleOf(consultant, id)).toEqual(recorded === 7 ? [] : ['introduction/body']);
    await markPartUpToDate(consultant, slot);
    expect(await staleOf(consultant, id)).toEqual([]);
  });

  it('refuses to submit a translation while a part is stale, naming it, then submits once it is marked', async () => {
    const { sourceId, consultant } = await world();
    const { id } = await startTranslation(consultant, sourceId, 'en');
    await savePart(consultant, ref(sourceId, 'safe_orderly_regular', 'strengths'), { doc: para('Nuevo'), baseRevision: 1 });
    const refused = await submitForReview(consultant, id).catch((e: DataError) => e);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(refused).toMatchObject({ code: 'source_changed', details: { stale: ['safe_orderly_regular/strengths'] } });
    const db = await getDb();
    expect((await db.select({ state: assessments.state }).from(assessments).where(eq(assessments.id, id)))[0].state).toBe('draft');
    await markPartUpToDate(consultant, ref(id, 'safe_orderly_regular', 'strengths'));
    await submitForReview(consultant, id);
    expect((await db.select({ state: assessments.state }).from(assessments).where(eq(assessments.id, id)))[0].state).toBe('in_review');
  });
});
