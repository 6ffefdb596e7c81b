import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { emailOutbox, memberships, users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { getAssessmentHeader, listAssessmentsOfJurisdiction, startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { setThreadStatus } from '../../lib/data/comments-write';
import { listMentionable } from '../../lib/data/comment-notifications';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../lib/data/errors';
import { liveAccess } from '../../lib/data/live-parts';
import { savePart } from '../../lib/data/parts';
import { inviteReviewer, listReviewers, removeReviewer } from '../../lib/data/reviewers';
import { approveProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const slot = { section: 'migrants_rights', part: 'strengths' } as const;
const nextYear = `${new Date().getUTCFullYear() + 1}-03-31`;

describe.each(targets)('consultation reviewers on %s', (target) => {
  freshDatabasePerSuite(target);

  async function world() {
    const j = await seedJurisdiction();
    const other = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const otherFocal = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const s of profileSlots) await savePart(consultant, { assessmentId: id, ...s }, { doc: para(`Texto de ${s.section} ${s.part}.`), baseRevision: 0 });
    const { id: otherId } = await startAssessment(
      (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'consultant' }] })).actor,
      { jurisdiction: other.slug, language: 'es' },
    );
    return { j, other, id, otherId, consultant, focal, otherFocal, admin };
  }

  const invite = (email: string, extra: Partial<Parameters<typeof inviteReviewer>[2]> = {}) => ({
    email,
    name: 'Ana Ministerio',
    organisation: 'Ministerio del Interior',
    until: nextYear,
    language: 'es' as const,
    ...extra,
  });
  const uniqueEmail = () => `reviewer-${crypto.randomUUID()}@example.org`;
  const reload = async (userId: string) => (await loadActor(userId, 'session'))!;

  it('a focal point invites a reviewer with a one-time link, in the invitation’s language, and lists them', async () => {
    const { j, focal } = await world();
    const email = uniqueEmail();
    const { user, link, emailed, existing } = await inviteReviewer(focal, j.slug, invite(email.toUpperCase()));
    expect(existing).toBe(false);
    expect(emailed).toBe(false); // no SMTP in tests: the link is handed to the inviter
    expect(link).toMatch(/\/set-password\?token=/);
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ email, locale: 'es', passwordHash: null, isAdmin: false });
    expect(await listReviewers(focal, j.slug)).toEqual([
      expect.objectContaining({ userId: user.id, email, organisation: 'Ministerio del Interior', until: nextYear, lapsed: false, pending: true }),
    ]);
    expect((await reload(user.id)).memberships).toEqual([expect.objectContaining({ jurisdictionId: j.id, role: 'reviewer' })]);
  });

  it('only the jurisdiction’s focal points and admins manage reviewers: 403 for its other people, 404 for strangers', async () => {
    const { j, consultant, otherFocal, admin } = await world();
    await expect(inviteReviewer(consultant, j.slug, invite(uniqueEmail()))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listReviewers(consultant, j.slug)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteReviewer(otherFocal, j.slug, invite(uniqueEmail()))).rejects.toBeInstanceOf(NotFoundError);
    await expect(listReviewers(otherFocal, j.slug)).rejects.toBeInstanceOf(NotFoundError);
    const { user } = await inviteReviewer(admin, j.slug, invite(uniqueEmail()));
    const reviewer = await reload(user.id);
    await expect(listReviewers(reviewer, j.slug)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteReviewer(reviewer, j.slug, invite(uniqueEmail()))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeReviewer(reviewer, j.slug, user.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeReviewer(otherFocal, j.slug, user.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listReviewers(admin, j.slug)).toHaveLength(1); // nothing refused changed anything
  });

  it('refuses an end date in the past and writes nothing', async () => {
    const { j, focal } = await world();
    const email = uniqueEmail();
    await expect(inviteReviewer(focal, j.slug, invite(email, { until: '2020-01-31' }))).rejects.toBeInstanceOf(InvalidInputError);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await listReviewers(focal, j.slug)).toEqual([]);
  });

  it('an existing account gets the role, a new end date and organisation, without a new account or link', async () => {
    const { j, focal } = await world();
    const { user: known } = await seedUser();
    const first = await inviteReviewer(focal, j.slug, invite(known.email, { until: null, organisation: null }));
    expect(first).toMatchObject({ existing: true, link: null });
    await inviteReviewer(focal, j.slug, invite(known.email));
    expect(await listReviewers(focal, j.slug)).toEqual([expect.objectContaining({ userId: known.id, organisation: 'Ministerio del Interior', until: nextYear, pending: false })]);
    // They are told, in their own language, with no link to set a password (the email is not confidential).
    const db = await getDb();
    await db.update(users).set({ locale: 'fr' }).where(eq(users.id, known.id));
    await inviteReviewer(focal, j.slug, invite(known.email, { language: 'en' }));
    const told = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, known.email)).orderBy(emailOutbox.createdAt);
    expect(told).toHaveLength(3);
    expect(told[0]).toMatchObject({ confidential: false, subject: expect.stringContaining(j.name) });
    expect(told[0].body).toContain(focal.name);
    expect(told[0].body).not.toContain('set-password');
    expect(told[2].subject).toBe(`Vous pouvez désormais relire le profil de ${j.name} dans MGI Studio`);
  });

  it('a reviewer reads and comments on the profile in review only, edits nothing, and sees no other jurisdiction', async () => {
    const { j, other, id, otherId, consultant, focal } = await world();
    const { user } = await inviteReviewer(focal, j.slug, invite(uniqueEmail()));
    const reviewer = await reload(user.id);
    const ref = { assessmentId: id, ...slot };

    // Draft: the profile does not exist for them, nor they for it (nobody can name them with @).
    expect((await listMentionable(consultant, id)).map((p) => p.id)).not.toContain(reviewer.userId);
    await expect(getAssessmentHeader(reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(liveAccess(reviewer, ref)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listAssessmentsOfJurisdiction(reviewer, j.id)).toEqual([]);

    await submitForReview(consultant, id);
    expect((await getAssessmentHeader(reviewer, id)).id).toBe(id);
    expect((await listAssessmentsOfJurisdiction(reviewer, j.id)).map((a) => a.id)).toEqual([id]);
    // In review a reviewer may suggest (only their own suggestions: server/collab-suggest-only.ts checks each change), never edit.
    expect(await liveAccess(reviewer, ref)).toBe('suggest');
    expect((await listMentionable(consultant, id)).map((p) => p.id)).toContain(reviewer.userId);
    const { thread } = await startThread(reviewer, id, { ...slot, quote: 'Texto', body: 'El ministerio propone citar la ley.' });
    await expect(setThreadStatus(reviewer, id, thread.id, 'resolved')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(savePart(reviewer, ref, { doc: para('Cambiado.'), baseRevision: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewDomain(reviewer, id, 'migrants_rights', 'accept', null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestChanges(reviewer, id, 'No')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveProfile(reviewer, id)).rejects.toBeInstanceOf(ForbiddenError);

    // Another jurisdiction: nothing, as for a stranger.
    await expect(getAssessmentHeader(reviewer, otherId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAssessmentsOfJurisdiction(reviewer, other.id)).rejects.toBeInstanceOf(NotFoundError);

    // Sent back to draft: gone again.
    await requestChanges(focal, id, 'Revisen la sección 2.');
    await expect(getAssessmentHeader(reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the role lapses on its own after its end date, and is listed as ended', async () => {
    const { j, id, consultant, focal } = await world();
    const { user } = await inviteReviewer(focal, j.slug, invite(uniqueEmail()));
    await submitForReview(consultant, id);
    expect((await getAssessmentHeader(await reload(user.id), id)).id).toBe(id);
    // Time passes: the end date is now behind us.
    const db = await getDb();
    await db
      .update(memberships)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(memberships.userId, user.id), eq(memberships.role, 'reviewer')));
    const lapsed = await reload(user.id);
    expect(lapsed.memberships).toEqual([]);
    await expect(getAssessmentHeader(lapsed, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listReviewers(focal, j.slug)).toEqual([expect.objectContaining({ userId: user.id, lapsed: true })]);
  });

  it('removing a reviewer ends their access at once; removing again is 404', async () => {
    const { j, id, consultant, focal } = await world();
    const { user } = await inviteReviewer(focal, j.slug, invite(uniqueEmail()));
    const { user: stays } = await inviteReviewer(focal, j.slug, invite(uniqueEmail(), { name: 'Zoe Stays' }));
    await submitForReview(consultant, id);
    await removeReviewer(focal, j.slug, user.id);
    expect((await listReviewers(focal, j.slug)).map((r) => r.userId)).toEqual([stays.id]);
    await expect(getAssessmentHeader(await reload(user.id), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeReviewer(focal, j.slug, user.id)).rejects.toBeInstanceOf(NotFoundError);
    // A consultant is not a reviewer: removing them here is 404, and they keep their role.
    await expect(removeReviewer(focal, j.slug, consultant.userId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await reload(consultant.userId)).memberships).toHaveLength(1);
  });
});
