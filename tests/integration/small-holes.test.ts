import { describe, expect, it } from 'vitest';
import { getAssessment, startAssessment, updateAssessmentTitle } from '../../lib/data/assessments';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { updateJurisdiction } from '../../lib/data/jurisdictions';
import { listNotifications } from '../../lib/data/notifications';
import { savePart } from '../../lib/data/parts';
import { heartbeatPresence, leavePresence } from '../../lib/data/presence';
import { approveProfile, publishProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe.each(targets)('holes from the security review, on %s', (target) => {
  freshDatabasePerSuite(target);

  async function people() {
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const stranger = (await seedUser()).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: para('texto'), baseRevision: 0 });
    return { j, consultant, focal, admin, stranger, id };
  }

  it('leaving a part checks access like a heartbeat: a stranger gets not found', async () => {
    const { consultant, stranger, id } = await people();
    const ref = { assessmentId: id, section: 'partnerships' as const, part: 'strengths' as const };
    await heartbeatPresence(consultant, ref);
    await expect(leavePresence(stranger, ref)).rejects.toMatchObject({ status: 404 });
    await expect(heartbeatPresence(stranger, ref)).rejects.toMatchObject({ status: 404 });
    await leavePresence(consultant, ref);
  });

  it('says in plain English why a transition cannot happen in this state', async () => {
    const { consultant, focal, id } = await people();
    await submitForReview(consultant, id);
    await expect(submitForReview(consultant, id)).rejects.toThrow('The profile is in review; it cannot be submitted now.');
    await requestChanges(focal, id, 'Más detalle.');
    await expect(requestChanges(focal, id, 'Otra vez.')).rejects.toThrow('The profile is a draft; it cannot be sent back for changes now.');
    await expect(approveProfile(focal, id)).rejects.toThrow('The profile is a draft; it cannot be approved now.');
  });

  it('keeps the title a notification was about, whatever the profile is called later', async () => {
    const { consultant, focal, id } = await people();
    await updateAssessmentTitle(consultant, id, 'Primer título');
    await submitForReview(consultant, id);
    await requestChanges(focal, id, 'Cambie el título.');
    await updateAssessmentTitle(consultant, id, 'Segundo título');
    expect((await getAssessment(consultant, id)).title).toBe('Segundo título');
    expect((await listNotifications(focal)).map((n) => n.title)).toEqual(['Primer título']);
    expect((await listNotifications(consultant)).map((n) => n.title)).toEqual(['Primer título']);
  });

  it('fixes a jurisdiction’s slug once it has an edition; its name may still change', async () => {
    const { j, consultant, focal, admin, id } = await people();
    const input = { name: j.name, slug: j.slug, level: j.level, country: j.country, parentId: null };
    // Before any edition the slug may change (and back).
    await updateJurisdiction(admin, j.id, { ...input, slug: `${j.slug}-x` });
    await updateJurisdiction(admin, j.id, input);
    await submitForReview(consultant, id);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    await publishProfile(admin, id);
    await expect(updateJurisdiction(admin, j.id, { ...input, slug: `${j.slug}-moved` })).rejects.toMatchObject({
      status: 409,
      code: 'slug_locked',
      details: { field: 'slug', slug: j.slug },
    });
    const renamed = await updateJurisdiction(admin, j.id, { ...input, name: 'Otro nombre' });
    expect(renamed).toMatchObject({ slug: j.slug, name: 'Otro nombre' });
    // And no other jurisdiction can take it: slugs are unique, and one with editions cannot be deleted.
    const other = await seedJurisdiction();
    await expect(
      updateJurisdiction(admin, other.id, { name: other.name, slug: j.slug, level: other.level, country: other.country, parentId: null }),
    ).rejects.toMatchObject({ code: 'slug_taken' });
  });
});
