import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { jurisdictions, memberships, users } from '../../db/schema';
import { announceRightsChanged } from '../collab/live-registry';
import { lapsesAt, lastDay, type ReviewerInvite } from '../domain/reviewer-schemas';
import { canManageReviewers, canSeeJurisdiction, type Actor } from '../policy';
import { ForbiddenError, InvalidInputError, NotFoundError } from './errors';
import { issueLink, queueAccountEmail } from './users';
import { getEnv } from '../env';

/**
 * The jurisdiction named by `slug`, if the actor may manage its reviewers:
 * 404 for whoever does not see it, 403 for its consultants and reviewers.
 */
async function managedJurisdiction(actor: Actor, slug: string) {
  const db = await getDb();
  const [j] = await db
    .select({ id: jurisdictions.id, slug: jurisdictions.slug, name: jurisdictions.name })
    .from(jurisdictions)
    .where(eq(jurisdictions.slug, slug.toLowerCase()));
  if (!j || !canSeeJurisdiction(actor, j.id)) throw new NotFoundError('jurisdiction');
  if (!canManageReviewers(actor, j.id)) throw new ForbiddenError('Only the focal points of this jurisdiction and admins manage its reviewers.');
  return j;
}

export interface Reviewer {
  userId: string;
  name: string;
  email: string;
  organisation: string | null;
  /** Last day the role holds (YYYY-MM-DD, UTC), or null when it has no end. */
  until: string | null;
  /** The end date has passed: the role no longer counts (lib/data/membership-in-force.ts). */
  lapsed: boolean;
  /** The person has not set a password yet. */
  pending: boolean;
  invitedAt: Date;
}

/** The jurisdiction's reviewers, lapsed ones included (marked), by name. */
export async function listReviewers(actor: Actor, slug: string): Promise<Reviewer[]> {
  const j = await managedJurisdiction(actor, slug);
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisation: memberships.organisation,
      expiresAt: memberships.expiresAt,
      lapsed: sql<boolean>`coalesce(${memberships.expiresAt} <= now(), false)`,
      pending: sql<boolean>`${users.passwordHash} IS NULL`,
      invitedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.jurisdictionId, j.id), eq(memberships.role, 'reviewer')))
    .orderBy(asc(users.name), asc(users.email));
  return rows.map(({ expiresAt, ...r }) => ({ ...r, until: expiresAt ? lastDay(expiresAt) : null }));
}

/**
 * Invites a reviewer: a new account with the role and a one-time link to set
 * its password (emailed in the invitation's language when email is configured,
 * otherwise returned for the inviter to pass on), in one transaction. Someone
 * who already has an account gets the role (or a new end date and organisation)
 * without a link: they sign in as usual.
 */
export async function inviteReviewer(actor: Actor, slug: string, input: ReviewerInput) {
  const j = await managedJurisdiction(actor, slug);
  const email = input.email.trim().toLowerCase();
  const expiresAt = input.until ? lapsesAt(input.until) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new InvalidInputError('date_in_past', 'The end date must be today or later.', { field: 'until' });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const role = { role: 'reviewer' as const, jurisdictionId: j.id, organisation: input.organisation, expiresAt, invitedBy: actor.userId };
    const [existing] = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.email, email))
      .for('update');
    const user =
      existing ??
      (
        await tx
          .insert(users)
          .values({ email, name: input.name, locale: input.language })
          .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      )[0];
    await tx
      .insert(memberships)
      .values({ userId: user.id, ...role })
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.jurisdictionId, memberships.role],
        set: { organisation: role.organisation, expiresAt: role.expiresAt, invitedBy: role.invitedBy },
      });
    if (existing) {
      // Not a word to them before: their account gained access they may not expect. Told by email, in their language.
      await queueAccountEmail(tx, existing, { kind: 'reviewer_added', name: existing.name, admin: actor.name, jurisdiction: j.name, until: input.until ?? null, link: `${getEnv().APP_URL}/` });
      return { user, link: null, emailed: Boolean(getEnv().SMTP_URL), existing: true };
    }
    const issued = await issueLink(tx, actor, user, 'invite', { jurisdiction: j.name, until: input.until });
    return { user, ...issued, existing: false };
  });
}
export type ReviewerInput = Omit<ReviewerInvite, 'language'> & { language: ReviewerInvite['language'] };

/** Ends someone's reviewer role on the jurisdiction (their account and other roles stay). */
export async function removeReviewer(actor: Actor, slug: string, userId: string) {
  const j = await managedJurisdiction(actor, slug);
  const db = await getDb();
  const removed = await db
    .delete(memberships)
    .where(and(eq(memberships.jurisdictionId, j.id), eq(memberships.userId, userId), eq(memberships.role, 'reviewer')))
    .returning({ userId: memberships.userId });
  if (removed.length === 0) throw new NotFoundError('reviewer');
  // Their open parts of the jurisdiction close (or turn read-only where another role lets them read).
  announceRightsChanged({ userId });
}
