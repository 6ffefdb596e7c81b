import { describe, expect, it } from 'vitest';
import { startAssessment } from '../../lib/data/assessments';
import { changesSinceReview } from '../../lib/data/changes-since-review';
import { startThread } from '../../lib/data/comments-anchor';
import { replyToThread, setThreadStatus } from '../../lib/data/comments-write';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { savePart } from '../../lib/data/parts';
import { decideSuggestions } from '../../lib/data/suggestions';
import { approveProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const AT = '2026-12-02T10:00:00.000Z';
const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const doc = (...content: object[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const para = (text: string) => doc(t(text));
const mark = (type: 'insertion' | 'deletion', id: string, who: { id: string; name: string }) => ({ type, attrs: { id, authorId: who.id, authorName: who.name, at: AT, comment: null } });
const words = (pieces: Array<{ kind: string; text: string }>, kind: string) => pieces.filter((p) => p.kind === kind).map((p) => p.text.trim());

describe.each(targets)('changes since the last review on %s', (target) => {
  freshDatabasePerSuite(target);

  /**
   * A profile in review whose migrants_rights/strengths holds a replacement by
   * the focal point and an insertion by a reviewer, and well_being/potential a
   * deletion by the focal point; the focal point and the reviewer each started a thread.
   */
  async function reviewed() {
    const j = await seedJurisdiction();
    const consultant = await seedUser({ name: 'Carla Consultant', roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ name: 'Fiona Focal', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const reviewer = await seedUser({ name: 'Rita Reviewer', roles: [{ jurisdictionId: j.id, role: 'reviewer' }] });
    const admin = await seedUser({ isAdmin: true });
    const stranger = await seedUser({ roles: [{ jurisdictionId: (await seedJurisdiction()).id, role: 'focal_point' }] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'en' });
    for (const slot of profileSlots) await savePart(consultant.actor, { assessmentId: id, ...slot }, { doc: para(`Text of ${slot.section} ${slot.part}.`), baseRevision: 0 });
    const f = { id: focal.user.id, name: focal.user.name };
    const r = { id: reviewer.user.id, name: reviewer.user.name };
    const ids = { replace: crypto.randomUUID(), insert: crypto.randomUUID(), drop: crypto.randomUUID() };
    // Suggestions stored as they would be by the live editor (only their marks matter here).
    await savePart(
      consultant.actor,
      { assessmentId: id, section: 'migrants_rights', part: 'strengths' },
      { doc: doc(t('The city '), t('welcomes', [mark('deletion', ids.replace, f)]), t('receives', [mark('insertion', ids.replace, f)]), t(' migrants'), t(' and refugees', [mark('insertion', ids.insert, r)]), t('.')), baseRevision: 1 },
    );
    await savePart(consultant.actor, { assessmentId: id, section: 'well_being', part: 'potential' }, { doc: doc(t('Health care '), t('for all ', [mark('deletion', ids.drop, f)]), t('is planned.')), baseRevision: 1 });
    await submitForReview(consultant.actor, id);
    const focalThread = await startThread(focal.actor, id, { section: 'migrants_rights', part: 'strengths', quote: 'migrants', body: 'Which migrants?' });
    const focalResolved = await startThread(focal.actor, id, { section: 'partnerships', part: 'strengths', quote: 'partnerships', body: 'Name them.' });
    const reviewerThread = await startThread(reviewer.actor, id, { section: 'migrants_rights', part: 'potential', quote: 'potential', body: 'Too vague.' });
    return { j, id, consultant, focal, reviewer, admin, stranger, ids, threads: { focal: focalThread.thread.id, focalResolved: focalResolved.thread.id, reviewer: reviewerThread.thread.id } };
  }

  it('says nothing in a first round', async () => {
    const { id, focal, consultant } = await reviewed();
    expect(await changesSinceReview(focal.actor, id)).toBeNull();
    expect(await changesSinceReview(consultant.actor, id)).toBeNull();
  });

  it('after changes were requested: only the domain the consultant changed, its word diff, and what became of my suggestions and threads', async () => {
    const { id, consultant, focal, reviewer, admin, stranger, ids, threads } = await reviewed();
    await requestChanges(focal.actor, id, 'See the suggestions.');
    // Nothing changed yet: the round is over, but no part is marked.
    const before = await changesSinceReview(focal.actor, id);
    expect(before).toMatchObject({ requestedByName: 'Fiona Focal', changedSections: [], suggestions: [expect.objectContaining({ suggestionId: ids.replace, status: 'open' }), expect.objectContaining({ suggestionId: ids.drop, status: 'open' })] });
    expect(before!.threads.map((x) => [x.id, x.outcome])).toEqual([
      [threads.focal, 'waiting'],
      [threads.focalResolved, 'waiting'],
    ]);

    // The consultant works in migrants_rights only: accepts the focal point's replacement, rejects the reviewer's insertion, rewrites the other part.
    await decideSuggestions(consultant.actor, id, { suggestionId: ids.replace }, 'accept');
    await decideSuggestions(consultant.actor, id, { suggestionId: ids.insert }, 'reject');
    await savePart(consultant.actor, { assessmentId: id, section: 'migrants_rights', part: 'potential' }, { doc: para('Text of migrants_rights potential, with a plan for 2027.'), baseRevision: 2 });
    await replyToThread(consultant.actor, id, threads.focal, 'All of them, now said in the text.');
    await setThreadStatus(consultant.actor, id, threads.focalResolved, 'resolved');
    await submitForReview(consultant.actor, id);

    const mine = (await changesSinceReview(focal.actor, id))!;
    expect(mine.changedSections).toEqual(['migrants_rights']);
    const part = (section: string, name: string) => mine.parts.find((p) => p.section === section && p.part === name)!;
    expect(mine.parts).toHaveLength(profileSlots.length);
    // The reviewed text is the text without open suggestions: the accepted replacement is the change, the rejected insertion none.
    expect(part('migrants_rights', 'strengths')).toMatchObject({ changed: true, reviewedRevision: 2 });
    expect(words(part('migrants_rights', 'strengths').pieces, 'removed')).toEqual(['welcomes']);
    expect(words(part('migrants_rights', 'strengths').pieces, 'added')).toEqual(['receives']);
    expect(words(part('migrants_rights', 'potential').pieces, 'added').join(' ')).toContain('with a plan for 2027');
    // A suggestion still open (the focal point's deletion in well_being) is no change of the text.
    expect(part('well_being', 'potential').changed).toBe(false);
    expect(part('introduction', 'body')).toMatchObject({ changed: false, pieces: [{ kind: 'same', text: 'Text of introduction body.' }] });
    // Only the focal point's own suggestions: one accepted since, one still open; the reviewer's is not theirs.
    expect(mine.suggestions).toEqual([
      expect.objectContaining({ suggestionId: ids.replace, section: 'migrants_rights', part: 'strengths', status: 'accepted', kind: 'replace', inserted: 'receives', deleted: 'welcomes', deciderName: 'Carla Consultant' }),
      expect.objectContaining({ suggestionId: ids.drop, section: 'well_being', part: 'potential', status: 'open', kind: 'delete', deleted: 'for all ' }),
    ]);
    expect(mine.threads).toEqual([
      expect.objectContaining({ id: threads.focal, outcome: 'answered', reply: expect.objectContaining({ authorName: 'Carla Consultant', body: 'All of them, now said in the text.' }) }),
      expect.objectContaining({ id: threads.focalResolved, outcome: 'resolved', resolvedByName: 'Carla Consultant', reply: null }),
    ]);

    // The reviewer (back in review, so the profile exists for them again): the same parts, their own rejected suggestion and unanswered thread.
    const theirs = (await changesSinceReview(reviewer.actor, id))!;
    expect(theirs.changedSections).toEqual(['migrants_rights']);
    expect(theirs.suggestions).toEqual([expect.objectContaining({ suggestionId: ids.insert, status: 'rejected', inserted: ' and refugees', deciderName: 'Carla Consultant' })]);
    expect(theirs.threads).toEqual([expect.objectContaining({ id: threads.reviewer, outcome: 'waiting', reply: null })]);

    // Everyone who may read the profile may ask (with nothing of their own listed); nobody else learns it exists.
    expect(await changesSinceReview(admin.actor, id)).toMatchObject({ changedSections: ['migrants_rights'], suggestions: [], threads: [] });
    expect(await changesSinceReview(consultant.actor, id)).toMatchObject({ changedSections: ['migrants_rights'], suggestions: [], threads: [] });
    await expect(changesSinceReview(stranger.actor, id)).rejects.toMatchObject({ status: 404 });
  });

  it('rejected suggestions and a new comment mark are no change; a reviewer in draft meets a 404; approval closes the round', async () => {
    const { id, consultant, focal, reviewer, ids } = await reviewed();
    await requestChanges(focal.actor, id, 'Again.');
    await expect(changesSinceReview(reviewer.actor, id)).rejects.toMatchObject({ status: 404 });
    await decideSuggestions(consultant.actor, id, { section: 'migrants_rights', part: 'strengths' }, 'reject');
    await decideSuggestions(consultant.actor, id, { suggestionId: ids.drop }, 'reject');
    await submitForReview(consultant.actor, id);
    // In the new round: a comment's mark (moves the revision number on, changes no word).
    await startThread(focal.actor, id, { section: 'introduction', part: 'body', quote: 'introduction', body: 'Fine now.' });
    const after = (await changesSinceReview(focal.actor, id))!;
    expect(after.changedSections).toEqual([]);
    expect(after.suggestions.map((s) => [s.suggestionId, s.status])).toEqual([
      [ids.replace, 'rejected'],
      [ids.drop, 'rejected'],
    ]);
    for (const domain of domainKeys) await reviewDomain(focal.actor, id, domain, 'accept', null);
    await approveProfile(focal.actor, id);
    expect(await changesSinceReview(focal.actor, id)).toBeNull();
  });
});
