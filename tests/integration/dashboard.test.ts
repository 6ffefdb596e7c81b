import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessments, memberships } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { startAssessment } from '../../lib/data/assessments';
import { listMyWork } from '../../lib/data/dashboard';
import { requestChanges } from '../../lib/data/workflow';
import { seedJurisdiction, seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

describe.each(targets)('the dashboard queues on %s', (target) => {
  freshDatabasePerSuite(target);

  it('puts each profile in the queue of the people it needs, and nobody else', async () => {
    const a = await seedJurisdiction({ name: 'Alpha' });
    const b = await seedJurisdiction({ name: 'Beta' });
    const consultant = (await seedUser({ roles: [{ jurisdictionId: a.id, role: 'consultant' }, { jurisdictionId: b.id, role: 'consultant' }] })).actor;
    const focalA = (await seedUser({ roles: [{ jurisdictionId: a.id, role: 'focal_point' }] })).actor;
    const focalB = (await seedUser({ roles: [{ jurisdictionId: b.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const outsider = (await seedUser()).actor;
    const db = await getDb();
    const draft = await startAssessment(consultant, { jurisdiction: a.slug, language: 'es' });
    const sentBack = await startAssessment(consultant, { jurisdiction: a.slug, language: 'fr' });
    const inReview = await startAssessment(consultant, { jurisdiction: b.slug, language: 'es' });
    const approved = await startAssessment(consultant, { jurisdiction: b.slug, language: 'en' });
    await db.update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, sentBack.id));
    await requestChanges(focalA, sentBack.id, 'Please fix');
    await db.update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, inReview.id));
    await db.update(assessments).set({ state: 'approved' }).where(eq(assessments.id, approved.id));

    const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();
    const c = await listMyWork(consultant);
    expect(ids(c.drafts)).toEqual([draft.id]);
    expect(ids(c.changesRequested)).toEqual([sentBack.id]);
    expect(c.toReview).toEqual([]);
    // Their profile in review is listed for them to follow, not to review.
    expect(ids(c.underReview)).toEqual([inReview.id]);
    expect((await listMyWork(focalB)).underReview).toEqual([]);
    expect((await listMyWork(focalA)).toReview).toEqual([]);
    expect(ids((await listMyWork(focalB)).toReview)).toEqual([inReview.id]);
    expect(ids((await listMyWork(admin)).toPublish)).toEqual([approved.id]);
    expect(await listMyWork(outsider)).toMatchObject({ drafts: [], changesRequested: [], underReview: [], toReview: [], toPublish: [] });
    expect((await listMyWork(admin)).counts).toEqual({ drafts: 0, changesRequested: 0, underReview: 0, toReview: 0, toPublish: 1 });
    // Long queues list the newest ten and count them all.
    const many = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const jx = await seedJurisdiction({ name: `Gamma ${i}` });
        await db.insert(memberships).values({ userId: focalB.userId, jurisdictionId: jx.id, role: 'focal_point' });
        await db.insert(memberships).values({ userId: consultant.userId, jurisdictionId: jx.id, role: 'consultant' });
        return jx;
      }),
    );
    for (const jx of many) {
      const { id } = await startAssessment((await loadActor(consultant.userId, 'session'))!, { jurisdiction: jx.slug, language: 'es' });
      await db.update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    }
    const longQueue = await listMyWork((await loadActor(focalB.userId, 'session'))!);
    expect(longQueue.toReview).toHaveLength(10);
    expect(longQueue.counts.toReview).toBe(13);
    // Roles are read fresh: a new role shows its queue at once.
    expect((await loadActor(focalA.userId, 'session'))!.memberships).toHaveLength(1);
  });
});
