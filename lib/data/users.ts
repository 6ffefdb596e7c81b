import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { jurisdictions, memberships, sessions, users } from '../../db/schema';
import { getEnv } from '../env';
import { sendMail } from '../mail/send-mail';
import type { Actor } from '../policy';
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError } from './errors';
import { assertCan } from './guards';
import { issuePasswordToken, PASSWORD_LINK_HOURS } from './password-tokens';
import { hashPassword } from './passwords';

/** Every user with their roles, for the admin area. */
export async function listUsers(actor: Actor) {
  assertCan(actor, 'manage_users');
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
    })
    .from(users)
    .orderBy(asc(users.name));
  const roles = await db
    .select({ userId: memberships.userId, role: memberships.role, slug: jurisdictions.slug, name: jurisdictions.name })
    .from(memberships)
    .innerJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
    .orderBy(asc(jurisdictions.name));
  return rows.map((u) => ({ ...u, roles: roles.filter((r) => r.userId === u.id) }));
}

export async function getUserForAdmin(actor: Actor, userId: string) {
  assertCan(actor, 'manage_users');
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      active: users.active,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new NotFoundError('user');
  const roles = await db
    .select({
      jurisdictionId: memberships.jurisdictionId,
      role: memberships.role,
      slug: jurisdictions.slug,
      name: jurisdictions.name,
    })
    .from(memberships)
    .innerJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(jurisdictions.name));
  return { ...user, roles };
}

export function setPasswordLink(token: string) {
  return `${getEnv().APP_URL}/set-password?token=${encodeURIComponent(token)}`;
}

async function mailLink(to: string, name: string, link: string, purpose: 'invite' | 'reset') {
  try {
    return await sendMail({
      to,
      subject: purpose === 'invite' ? 'You are invited to MGI Studio' : 'Set a new MGI Studio password',
      text:
        `Hello ${name},\n\nOpen this link to set your password (valid ${PASSWORD_LINK_HOURS} hours, once):\n\n` +
        `${link}\n\nIf you did not expect this email, you can ignore it.\n`,
    });
  } catch (error) {
    console.error('Could not send email:', error);
    return false;
  }
}

/**
 * Creates an account and a one-time link to set its password. The link is
 * returned so the admin can pass it on; it is emailed too when SMTP is set up.
 */
export async function inviteUser(actor: Actor, input: { email: string; name: string; isAdmin: boolean }) {
  assertCan(actor, 'manage_users');
  input = { ...input, email: input.email.trim().toLowerCase() };
  const db = await getDb();
  let result;
  try {
    result = await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(input).returning({ id: users.id, email: users.email });
      const token = await issuePasswordToken(tx, user.id, 'invite');
      return { user, link: setPasswordLink(token) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('email_taken', 'A user with this email already exists.', { field: 'email' });
    }
    throw error;
  }
  const emailed = await mailLink(input.email, input.name, result.link, 'invite');
  return { ...result, emailed };
}

/** A fresh one-time link for an existing user (lost invitation, forgotten password). */
export async function resendPasswordLink(actor: Actor, userId: string) {
  assertCan(actor, 'manage_users');
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError('user');
    const token = await issuePasswordToken(tx, user.id, user.passwordHash ? 'reset' : 'invite');
    return { user, link: setPasswordLink(token) };
  });
  const emailed = await mailLink(result.user.email, result.user.name, result.link, 'reset');
  return { link: result.link, emailed };
}

/** Deactivating ends every session of the user at once; their tokens stop working too. */
export async function setUserActive(actor: Actor, userId: string, active: boolean) {
  assertCan(actor, 'manage_users');
  if (userId === actor.userId && !active) {
    throw new InvalidInputError('cannot_deactivate_self', 'You cannot deactivate your own account.');
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ active, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!row) throw new NotFoundError('user');
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

export async function setUserAdmin(actor: Actor, userId: string, isAdmin: boolean) {
  assertCan(actor, 'manage_users');
  if (userId === actor.userId && !isAdmin) {
    throw new InvalidInputError('cannot_demote_self', 'You cannot remove your own admin role.');
  }
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set({ isAdmin, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!row) throw new NotFoundError('user');
}

export async function grantRole(actor: Actor, input: { userId: string; jurisdictionId: string; role: 'consultant' | 'focal_point' }) {
  assertCan(actor, 'manage_users');
  const db = await getDb();
  try {
    await db.insert(memberships).values(input).onConflictDoNothing();
  } catch (error) {
    // 23503: the user or the jurisdiction vanished meanwhile.
    if ((error as { code?: string }).code === '23503' || (error as { cause?: { code?: string } }).cause?.code === '23503') {
      throw new NotFoundError('user or jurisdiction');
    }
    throw error;
  }
}

export async function revokeRole(actor: Actor, input: { userId: string; jurisdictionId: string; role: 'consultant' | 'focal_point' }) {
  assertCan(actor, 'manage_users');
  const db = await getDb();
  await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.userId, input.userId),
        eq(memberships.jurisdictionId, input.jurisdictionId),
        eq(memberships.role, input.role),
      ),
    );
}

/** Records the interface language a person chose, for the emails they get. */
export async function setUserLocale(actor: Actor, locale: string) {
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, actor.userId));
}

/**
 * Creates an admin with a password, or promotes and resets an existing user.
 * Unscoped: only the CLI calls it, to bootstrap a production database.
 */
export async function unsafeUpsertAdmin(input: { email: string; name: string; password: string }) {
  input = { ...input, email: input.email.trim().toLowerCase() };
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, isAdmin: true })
    .onConflictDoUpdate({
      target: users.email,
      set: { passwordHash, isAdmin: true, active: true, updatedAt: sql`now()` },
    })
    .returning({ id: users.id, email: users.email });
  return row;
}
