import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessmentParts, comments, commentThreads, partRevisions } from '../../db/schema';
import { startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { countOpenThreads, listThreads } from '../../lib/data/comments-read';
import { replyToThread, setThreadStatus } from '../../lib/data/comments-write';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/data/errors';
import { savePart } from '../../lib/data/parts';
import { approveProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const para = (...texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const SENTENCE = 'El cantón carece de un plan local de contingencia.';
const slot = { section: 'migrants_rights', part: 'strengths' } as const;

describe.each(targets)('comment threads on %s', (target) => {
  freshDatabasePerSuite(target);

  async function world() {
    const j = await seedJurisdiction();
    const other = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const stranger = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'focal_point' }] })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const s of profileSlots) {
      const doc = s.section === slot.section && s.part === slot.part ? para('La ley protege.', SENTENCE) : para(`${s.section} ${s.part}`);
      await savePart(consultant, { assessmentId: id, ...s }, { doc, baseRevision: 0 });
    }
    return { id, consultant, focal, admin, stranger };
  }

  async function partRow(id: string) {
    const db = await getDb();
    const [row] = await db
      .select()
      .from(assessmentParts)
      .where(and(eq(assessmentParts.assessmentId, id), eq(assessmentParts.section, slot.section), eq(assessmentParts.part, slot.part)));
    return row;
  }

  it('marks the quoted passage in the text, without a history revision, and lists the thread', async () => {
    const { id, consultant, focal } = await world();
    await submitForReview(consultant, id);
    const before = await partRow(id);
    const { thread, revision } = await startThread(focal, id, { ...slot, quote: 'plan local', body: '¿Qué plan? Citen la ordenanza.', baseRevision: before.revision });
    expect(revision).toBe(before.revision + 1);
    const after = await partRow(id);
    const text = JSON.stringify(after.doc);
    expect(text).toContain(`{"type":"comment","attrs":{"threadId":"${thread.id}"}}`);
    expect((after.doc as { content: Array<{ content: Array<{ text: string }> }> }).content[1].content.map((n) => n.text)).toEqual([
      'El cantón carece de un ',
      'plan local',
      ' de contingencia.',
    ]);
    expect(after.updatedBy).toBe(before.updatedBy); // commenting is not editing
    const db = await getDb();
    const history = await db.select().from(partRevisions).where(eq(partRevisions.assessmentId, id));
    expect(history.some((h) => h.revision === revision)).toBe(false);

    const threads = await listThreads(consultant, id);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ quote: 'plan local', status: 'open', anchored: true, section: slot.section, part: slot.part });
    expect(threads[0].comments.map((c) => [c.authorName, c.body])).toEqual([[focal.name, '¿Qué plan? Citen la ordenanza.']]);
    expect(await countOpenThreads(focal, id)).toEqual({ migrants_rights: 1 });
  });

  it('survives edits elsewhere; keeps the quote when its passage is deleted', async () => {
    const { id, consultant, focal } = await world();
    await submitForReview(consultant, id);
    const { thread } = await startThread(focal, id, { ...slot, quote: 'plan local de contingencia', body: 'Falta la fuente.' });
    await requestChanges(focal, id, 'Ver comentarios.');
    const marked = await partRow(id);
    // An edit of the first paragraph keeps the second, with its mark, as the editor would send it.
    const doc = structuredClone(marked.doc) as { content: Array<{ content: Array<{ text: string }> }> };
    doc.content[0].content[0].text = 'La ley protege a todas las personas.';
    await savePart(consultant, { assessmentId: id, ...slot }, { doc, baseRevision: marked.revision });
    expect((await listThreads(consultant, id))[0].anchored).toBe(true);
    const edited = await partRow(id);
    await savePart(consultant, { assessmentId: id, ...slot }, { doc: para('La ley protege a todas las personas.'), baseRevision: edited.revision });
    const [detached] = await listThreads(consultant, id);
    expect(detached).toMatchObject({ id: thread.id, anchored: false, quote: 'plan local de contingencia', status: 'open' });
  });

  it('finds the named occurrence of repeated words', async () => {
    const { id, consultant } = await world();
    const { thread } = await startThread(consultant, id, { ...slot, quote: 'de', occurrence: 1, body: 'Nota interna.' });
    const row = await partRow(id);
    const texts = (row.doc as { content: Array<{ content: Array<{ text: string; marks?: unknown[] }> }> }).content[1].content;
    expect(texts.map((n) => n.text)).toEqual(['El cantón carece de un plan local ', 'de', ' contingencia.']);
    expect(texts[1].marks).toEqual([{ type: 'comment', attrs: { threadId: thread.id } }]);
  });

  it('replies, resolves and reopens, recording who resolved', async () => {
    const { id, consultant, focal } = await world();
    await submitForReview(consultant, id);
    const { thread } = await startThread(focal, id, { ...slot, quote: SENTENCE, body: 'Reformular.' });
    await requestChanges(focal, id, 'Ver comentarios.');
    await replyToThread(consultant, id, thread.id, 'Reformulado, gracias.');
    await setThreadStatus(consultant, id, thread.id, 'resolved');
    let [t] = await listThreads(focal, id);
    expect(t.status).toBe('resolved');
    expect(t.resolvedByName).toBe(consultant.name);
    expect(t.comments.map((c) => c.body)).toEqual(['Reformular.', 'Reformulado, gracias.']);
    expect(await countOpenThreads(focal, id)).toEqual({});
    await setThreadStatus(consultant, id, thread.id, 'open');
    [t] = await listThreads(focal, id);
    expect(t).toMatchObject({ status: 'open', resolvedByName: null, resolvedAt: null });
  });

  it('follows the policy: focal points only in review, consultants reply until published, strangers see nothing', async () => {
    const { id, consultant, focal, admin, stranger } = await world();
    await expect(startThread(focal, id, { ...slot, quote: SENTENCE, body: 'x' })).rejects.toMatchObject({ code: 'comments_closed' });
    await expect(startThread(stranger, id, { ...slot, quote: SENTENCE, body: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listThreads(stranger, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startThread(admin, id, { ...slot, quote: SENTENCE, body: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await submitForReview(consultant, id);
    const { thread } = await startThread(focal, id, { ...slot, quote: SENTENCE, body: 'x' });
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    await expect(replyToThread(focal, id, thread.id, 'y')).rejects.toBeInstanceOf(ConflictError);
    await expect(startThread(consultant, id, { ...slot, quote: SENTENCE, body: 'x' })).rejects.toMatchObject({ code: 'comments_closed' });
    await replyToThread(consultant, id, thread.id, 'Consultant answers after approval.');
    expect((await listThreads(admin, id))[0].comments).toHaveLength(2);
  });

  it('refuses bad input with a reason and writes nothing', async () => {
    const { id, consultant } = await world();
    const before = await partRow(id);
    const attempts: Array<[() => Promise<unknown>, string]> = [
      [() => startThread(consultant, id, { ...slot, quote: 'no está en el texto', body: 'x' }), 'passage_not_found'],
      [() => startThread(consultant, id, { ...slot, quote: 'La ley', occurrence: 3, body: 'x' }), 'passage_not_found'],
      [() => startThread(consultant, id, { ...slot, quote: '   ', body: 'x' }), 'quote_empty'],
      [() => startThread(consultant, id, { ...slot, quote: 'La ley', body: '  \n ' }), 'comment_empty'],
      [() => startThread(consultant, id, { ...slot, quote: 'La ley', body: 'x'.repeat(4001) }), 'comment_too_long'],
      [() => startThread(consultant, id, { ...slot, quote: 'La ley', body: 'x', baseRevision: before.revision - 1 }), 'revision_conflict'],
      [() => replyToThread(consultant, id, '0b3c1e5e-2f4d-4a5b-9c6d-7e8f9a0b1c2d', 'x'), 'not_found'],
    ];
    for (const [attempt, code] of attempts) {
      const error = (await attempt().catch((e) => e)) as Error;
      expect(error, code).toMatchObject({ code });
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect(await partRow(id)).toEqual(before);
    const db = await getDb();
    expect(await db.select().from(commentThreads).where(eq(commentThreads.assessmentId, id))).toHaveLength(0);
    const all = await db.select({ id: comments.id }).from(comments).innerJoin(commentThreads, eq(commentThreads.id, comments.threadId)).where(eq(commentThreads.assessmentId, id));
    expect(all).toHaveLength(0);
  });
});
