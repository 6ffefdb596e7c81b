import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '../../db/client';
import { assessmentParts, assessments, domainReviews, suggestionDecisions } from '../../db/schema';
import { collabDocName } from '../../lib/collab/doc-name';
import { liveParts } from '../../lib/collab/live-registry';
import { COLLAB_FIELD, yDocJson } from '../../lib/collab/yjs-doc';
import { startAssessment } from '../../lib/data/assessments';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { getPartRevision, listPartRevisions, savePart } from '../../lib/data/parts';
import { getEdition } from '../../lib/data/editions';
import { startThread } from '../../lib/data/comments-anchor';
import { previousRevision } from '../../lib/domain/revision-pairs';
import { decideAllSuggestions, decideSuggestions, listOpenSuggestions, listSuggestionDecisions } from '../../lib/data/suggestions';
import { approveProfile, publishProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { openProvider, sessionCookie, startCollab } from '../support/collab-client';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const AT = '2026-12-02T10:00:00.000Z';
const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const doc = (...content: object[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const para = (text: string) => doc(t(text));
const mark = (type: 'insertion' | 'deletion', id: string, who: { id: string; name: string }) => ({ type, attrs: { id, authorId: who.id, authorName: who.name, at: AT, comment: null } });

async function eventually<T>(read: () => Promise<T> | T, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(targets)('deciding suggestions on %s', (target) => {
  freshDatabasePerSuite(target);

  /**
   * A complete profile whose migrants_rights/strengths holds a replacement
   * ("welcomes" → "receives") by the focal point and an insertion by a reviewer.
   */
  async function world() {
    const j = await seedJurisdiction();
    const consultant = await seedUser({ name: 'Carla Consultant', roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ name: 'Fiona Focal', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const reviewer = await seedUser({ name: 'Rita Reviewer', roles: [{ jurisdictionId: j.id, role: 'reviewer' }] });
    const stranger = await seedUser({ roles: [] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'en' });
    for (const slot of profileSlots) await savePart(consultant.actor, { assessmentId: id, ...slot }, { doc: para(`Text of ${slot.section} ${slot.part}.`), baseRevision: 0 });
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    const replace = crypto.randomUUID();
    const insert = crypto.randomUUID();
    const f = { id: focal.user.id, name: focal.user.name };
    const r = { id: reviewer.user.id, name: reviewer.user.name };
    await savePart(
      consultant.actor,
      ref,
      { doc: doc(t('The city '), t('welcomes', [mark('deletion', replace, f)]), t('receives', [mark('insertion', replace, f)]), t(' migrants'), t(' and refugees', [mark('insertion', insert, r)]), t('.')), baseRevision: 1 },
    );
    return { j, id, consultant, focal, reviewer, stranger, ref, replace, insert };
  }

  async function partRow(ref: { assessmentId: string; section: string; part: string }) {
    const [row] = await (await getDb())
      .select()
      .from(assessmentParts)
      .where(and(eq(assessmentParts.assessmentId, ref.assessmentId), eq(assessmentParts.section, ref.section), eq(assessmentParts.part, ref.part)));
    return row;
  }

  it('lists every open suggestion with its author, place, kind and text, for whoever sees the profile', async () => {
    const { id, consultant, stranger, replace, insert } = await world();
    const open = await listOpenSuggestions(consultant.actor, id);
    expect(open).toEqual([
      expect.objectContaining({ id: replace, section: 'migrants_rights', part: 'strengths', kind: 'replace', inserted: 'receives', deleted: 'welcomes', authorName: 'Fiona Focal' }),
      expect.objectContaining({ id: insert, kind: 'insert', inserted: ' and refugees', authorName: 'Rita Reviewer' }),
    ]);
    await expect(listOpenSuggestions(stranger.actor, id)).rejects.toMatchObject({ status: 404 });
  });

  it('a consultant accepts one and rejects the other: each a revision by them, recorded with who suggested it', async () => {
    const { id, consultant, ref, replace, insert } = await world();
    const accepted = await decideSuggestions(consultant.actor, id, { suggestionId: replace }, 'accept');
    expect(accepted).toEqual({ decided: 1, revision: 3 });
    expect((await partRow(ref)).doc).toEqual(doc(t('The city receives migrants'), t(' and refugees', [expect.objectContaining({ type: 'insertion' })]), t('.')));
    await decideSuggestions(consultant.actor, id, { suggestionId: insert }, 'reject');
    const row = await partRow(ref);
    expect(row.doc).toEqual(para('The city receives migrants.'));
    expect(row.revision).toBe(4);
    expect((await listPartRevisions(consultant.actor, ref))[0]).toMatchObject({ revision: 4, authorName: 'Carla Consultant' });
    const history = await listSuggestionDecisions(consultant.actor, ref);
    expect(history).toEqual([
      expect.objectContaining({ suggestionId: replace, authorName: 'Fiona Focal', deciderName: 'Carla Consultant', decision: 'accepted', kind: 'replace', inserted: 'receives', deleted: 'welcomes', revision: 3 }),
      expect.objectContaining({ suggestionId: insert, authorName: 'Rita Reviewer', deciderName: 'Carla Consultant', decision: 'rejected', revision: 4 }),
    ]);
    // Decided once: it is no longer there.
    await expect(decideSuggestions(consultant.actor, id, { suggestionId: replace }, 'reject')).rejects.toMatchObject({ status: 404 });
  });

  it('after a comment and an accepted suggestion, the history compares stored revisions (the number the comment took has none)', async () => {
    const { id, consultant, ref, replace } = await world();
    await startThread(consultant.actor, id, { section: ref.section, part: ref.part, quote: 'migrants', body: 'Which ones?' });
    await decideSuggestions(consultant.actor, id, { suggestionId: replace }, 'accept');
    const stored = (await listPartRevisions(consultant.actor, ref)).map((r) => r.revision);
    // The comment's mark moved the number on to 3 without storing a revision: "4 against 3" names nothing.
    expect(stored).toEqual([4, 2, 1]);
    await expect(getPartRevision(consultant.actor, ref, 3)).rejects.toMatchObject({ status: 404 });
    // What the history page compares each revision with is always there.
    for (const n of stored) {
      const before = previousRevision(stored, n);
      if (before > 0) expect((await getPartRevision(consultant.actor, ref, before)).revision).toBe(before);
    }
    expect(previousRevision(stored, 4)).toBe(2);
    expect(await listSuggestionDecisions(consultant.actor, ref)).toEqual([expect.objectContaining({ authorName: 'Fiona Focal', deciderName: 'Carla Consultant', decision: 'accepted', revision: 4 })]);
  });

  it('accepts every suggestion of a part at once', async () => {
    const { id, consultant, ref } = await world();
    expect(await decideSuggestions(consultant.actor, id, { section: ref.section, part: ref.part }, 'accept')).toMatchObject({ decided: 2 });
    expect((await partRow(ref)).doc).toEqual(para('The city receives migrants and refugees.'));
  });

  it('only someone who may edit decides; a refusal changes nothing', async () => {
    const { id, consultant, focal, reviewer, stranger, ref, replace } = await world();
    const before = await partRow(ref);
    await expect(decideSuggestions(focal.actor, id, { suggestionId: replace }, 'accept')).rejects.toMatchObject({ status: 403 });
    await expect(decideSuggestions(reviewer.actor, id, { suggestionId: replace }, 'accept')).rejects.toMatchObject({ status: 404 });
    await expect(decideSuggestions(stranger.actor, id, { suggestionId: replace }, 'accept')).rejects.toMatchObject({ status: 404 });
    await (await getDb()).update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    await expect(decideSuggestions(consultant.actor, id, { suggestionId: replace }, 'accept')).rejects.toMatchObject({ status: 409 });
    await expect(decideSuggestions(consultant.actor, id, { suggestionId: crypto.randomUUID() }, 'accept')).rejects.toMatchObject({ status: 409 });
    expect(await partRow(ref)).toEqual(before);
    expect(await (await getDb()).select().from(suggestionDecisions).where(eq(suggestionDecisions.assessmentId, id))).toEqual([]);
  });

  it('a domain is not accepted, nor the profile approved, while suggestions are open; the refusal says how many and where', async () => {
    const { id, consultant, focal, ref } = await world();
    await (await getDb()).update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    await expect(reviewDomain(focal.actor, id, 'migrants_rights', 'accept', null)).rejects.toMatchObject({
      status: 409,
      code: 'suggestions_open',
      message: expect.stringContaining('2 suggestions are still open: migrants_rights/strengths (2)'),
    });
    for (const d of domainKeys) if (d !== 'migrants_rights') await reviewDomain(focal.actor, id, d, 'accept', null);
    // Accepted before the suggestions came: approval still refuses.
    await (await getDb()).insert(domainReviews).values({ assessmentId: id, domain: 'migrants_rights', decision: 'accepted', reviewerId: focal.user.id });
    await expect(approveProfile(focal.actor, id)).rejects.toMatchObject({ code: 'suggestions_open', details: { total: 2, open: [{ section: 'migrants_rights', part: 'strengths', count: 2 }] } });
    expect((await (await getDb()).select({ state: assessments.state }).from(assessments).where(eq(assessments.id, id)))[0].state).toBe('in_review');
    // Changes requested: the consultant decides them, the focal point accepts and approves.
    await requestChanges(focal.actor, id, 'Please decide the suggestions.');
    await decideSuggestions(consultant.actor, id, { section: ref.section, part: ref.part }, 'reject');
    await (await getDb()).update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    await reviewDomain(focal.actor, id, 'migrants_rights', 'accept', null);
    await expect(approveProfile(focal.actor, id)).resolves.toMatchObject({ action: 'approve' });
  });

  /** The world, plus an insertion by the reviewer in migrants_rights/potential and one in partnerships/strengths. */
  async function widerWorld() {
    const w = await world();
    const r = { id: w.reviewer.user.id, name: w.reviewer.user.name };
    const more = { potential: crypto.randomUUID(), partnerships: crypto.randomUUID() };
    const potential = { assessmentId: w.id, section: 'migrants_rights', part: 'potential' } as const;
    const partnerships = { assessmentId: w.id, section: 'partnerships', part: 'strengths' } as const;
    await savePart(w.consultant.actor, potential, { doc: doc(t('Room to grow'), t(' fast', [mark('insertion', more.potential, r)]), t('.')), baseRevision: 1 });
    await savePart(w.consultant.actor, partnerships, { doc: doc(t('Partners'), t(' abound', [mark('insertion', more.partnerships, r)]), t('.')), baseRevision: 1 });
    return { ...w, potential, partnerships, more };
  }

  it('accepts every open suggestion of a domain at once, part by part, each part a revision; other domains keep theirs', async () => {
    const { id, consultant, ref, potential, partnerships, more } = await widerWorld();
    const done = await decideAllSuggestions(consultant.actor, id, { section: 'migrants_rights' }, 'accept');
    expect(done.decided).toBe(3);
    expect(done.parts).toEqual(
      expect.arrayContaining([
        { section: 'migrants_rights', part: 'strengths', decided: 2, revision: 3 },
        { section: 'migrants_rights', part: 'potential', decided: 1, revision: 3 },
      ]),
    );
    expect(done.parts).toHaveLength(2);
    expect((await partRow(ref)).doc).toEqual(para('The city receives migrants and refugees.'));
    expect((await partRow(potential)).doc).toEqual(para('Room to grow fast.'));
    expect((await partRow(partnerships)).revision).toBe(2);
    expect((await listOpenSuggestions(consultant.actor, id)).map((s) => s.id)).toEqual([more.partnerships]);
    expect(await listSuggestionDecisions(consultant.actor, potential)).toEqual([
      expect.objectContaining({ suggestionId: more.potential, authorName: 'Rita Reviewer', deciderName: 'Carla Consultant', decision: 'accepted', revision: 3 }),
    ]);
  });

  it('rejects every open suggestion of the whole profile at once; with none left, deciding again decides nothing', async () => {
    const { id, consultant, ref, partnerships } = await widerWorld();
    const done = await decideAllSuggestions(consultant.actor, id, { all: true }, 'reject');
    expect(done.decided).toBe(4);
    expect(done.parts.map((p) => `${p.section}/${p.part}`).sort()).toEqual(['migrants_rights/potential', 'migrants_rights/strengths', 'partnerships/strengths']);
    expect((await partRow(ref)).doc).toEqual(para('The city welcomes migrants.'));
    expect((await partRow(partnerships)).doc).toEqual(para('Partners.'));
    expect(await listOpenSuggestions(consultant.actor, id)).toEqual([]);
    const rows = await (await getDb()).select().from(suggestionDecisions).where(eq(suggestionDecisions.assessmentId, id));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.decision === 'rejected' && r.deciderId === consultant.user.id)).toBe(true);
    expect(await decideAllSuggestions(consultant.actor, id, { all: true }, 'accept')).toEqual({ decided: 0, parts: [] });
  });

  it('deciding in bulk: only someone who may edit, an existing domain, a draft; a refusal changes nothing', async () => {
    const { id, consultant, focal, reviewer, stranger, ref, partnerships } = await widerWorld();
    const before = [await partRow(ref), await partRow(partnerships)];
    await expect(decideAllSuggestions(focal.actor, id, { all: true }, 'accept')).rejects.toMatchObject({ status: 403 });
    await expect(decideAllSuggestions(reviewer.actor, id, { section: 'partnerships' }, 'accept')).rejects.toMatchObject({ status: 404 });
    await expect(decideAllSuggestions(stranger.actor, id, { all: true }, 'accept')).rejects.toMatchObject({ status: 404 });
    await expect(decideAllSuggestions(consultant.actor, id, { section: 'atlantis' }, 'accept')).rejects.toMatchObject({ status: 404 });
    await (await getDb()).update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    await expect(decideAllSuggestions(consultant.actor, id, { all: true }, 'accept')).rejects.toMatchObject({ status: 409 });
    expect([await partRow(ref), await partRow(partnerships)]).toEqual(before);
    expect(await (await getDb()).select().from(suggestionDecisions).where(eq(suggestionDecisions.assessmentId, id))).toEqual([]);
  });

  it("the edition's sign-off says, per domain, how many suggestions were accepted and rejected, and by whom", async () => {
    const { j, id, consultant, focal, replace } = await widerWorld();
    await decideSuggestions(consultant.actor, id, { suggestionId: replace }, 'reject');
    await decideAllSuggestions(consultant.actor, id, { section: 'migrants_rights' }, 'accept');
    await decideAllSuggestions(consultant.actor, id, { section: 'partnerships' }, 'reject');
    await submitForReview(consultant.actor, id);
    for (const d of domainKeys) await reviewDomain(focal.actor, id, d, 'accept', null);
    await approveProfile(focal.actor, id);
    const admin = await seedUser({ isAdmin: true });
    await publishProfile(admin.actor, id);
    const edition = (await getEdition(j.slug, 'latest'))!;
    expect(edition.signOff.suggestions).toEqual([
      { section: 'migrants_rights', accepted: 2, rejected: 1, decidedBy: ['Carla Consultant'] },
      { section: 'partnerships', accepted: 0, rejected: 1, decidedBy: ['Carla Consultant'] },
    ]);
  });

  describe('while the part is open live', () => {
    let server: Awaited<ReturnType<typeof startCollab>>;
    beforeAll(async () => {
      server = await startCollab();
    });
    afterAll(() => server?.stop());

    it('the decision is made in the live document: an editor sees it, and what they typed meanwhile is kept', async () => {
      const { id, consultant, ref, replace } = await world();
      const editor = await openProvider(server.url, await sessionCookie(consultant.user.id), collabDocName(ref));
      expect(editor.outcome).toBe('synced');
      // Typed live, not yet stored when the decision comes.
      const text = (editor.document.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, 'Today ');
      await eventually(() => JSON.stringify(yDocJson(editor.document)), (s) => s.includes('Today'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const done = await decideSuggestions(consultant.actor, id, { suggestionId: replace }, 'accept');
      expect(done.decided).toBe(1);
      const plain = (d: unknown) => JSON.stringify(d);
      await eventually(() => plain(yDocJson(editor.document)), (s) => s.includes('receives') && !s.includes('welcomes'));
      const row = await eventually(() => partRow(ref), (r) => plain(r.doc).includes('receives') && !plain(r.doc).includes(replace));
      expect(plain(row.doc)).toContain('Today The city receives migrants');
      expect(row.revision).toBe(done.revision);
      expect(await listSuggestionDecisions(consultant.actor, ref)).toEqual([expect.objectContaining({ suggestionId: replace, decision: 'accepted', revision: done.revision })]);
      editor.close();
    });

    it('a suggestion typed a moment ago, not stored yet, is found in the live document and decided', async () => {
      const { id, consultant, ref } = await world();
      const editor = await openProvider(server.url, await sessionCookie(consultant.user.id), collabDocName(ref));
      expect(editor.outcome).toBe('synced');
      const fresh = crypto.randomUUID();
      const text = (editor.document.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, 'Today ', { insertion: { id: fresh, authorId: consultant.user.id, authorName: consultant.user.name, at: AT, comment: null } });
      await eventually(() => JSON.stringify(liveParts()?.currentDoc(collabDocName(ref)) ?? null), (s) => s.includes(fresh));
      // Stores wait for a pause in typing: the stored text does not hold it yet.
      expect(JSON.stringify((await partRow(ref)).doc)).not.toContain(fresh);
      expect(await decideSuggestions(consultant.actor, id, { suggestionId: fresh }, 'reject')).toMatchObject({ decided: 1 });
      await eventually(() => JSON.stringify(yDocJson(editor.document)), (s) => !s.includes('Today'));
      editor.close();
    });
  });
});
