import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { accountEvents, apiTokens, emailOutbox, jurisdictions, memberships, notifications, passwordTokens, sessions, users } from '../../db/schema';
import { announceRightsChanged } from '../collab/live-registry';
import { getEnv } from '../env';
import { accountEmail, type AccountEmail } from '../mail/account-emails';
import type { JurisdictionRole } from '../domain/roles';
import { isLocale, type Locale } from '../domain/locales';
import type { Actor } from '../policy';
import { ConflictError, ForbiddenError, InvalidInputError, isUniqueViolation, NotFoundError } from './errors';
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

/** `locale`: the language the person was invited in, or chose; the page opens in it (proxy.ts). */
export function setPasswordLink(token: string, locale?: string | null) {
  const lang = isLocale(locale) ? `&lang=${locale}` : '';
  return `${getEnv().APP_URL}/set-password?token=${encodeURIComponent(token)}${lang}`;
}

/**
 * Queues an email about the person's own account, in their language. A one-time
 * link in it makes it confidential: admins see that it exists, never its body,
 * and the body is blanked once sent.
 */
export async function queueAccountEmail(tx: Tx, to: { email: string; locale: string | null }, email: AccountEmail) {
  const { subject, body } = accountEmail(to.locale, email);
  const confidential = email.kind === 'invite' || email.kind === 'reset' || email.kind === 'reviewer_invite';
  await tx.insert(emailOutbox).values({ toEmail: to.email, subject, body, confidential });
}

/**
 * Issues a set-password link in one transaction with its record. With email
 * configured (SMTP_URL) the link goes only to the person, by email, and is not
 * returned: an admin must not be able to set someone else's password. Without
 * email there is no other way to pass it on, so it is returned for the admin
 * to hand over (the README says so). A reset, as opposed to an invitation, also
 * tells the person, in the app and by email.
 */
export async function issueLink(
  tx: Tx,
  actor: { userId: string | null; name: string },
  user: { id: string; email: string; name: string; locale: string | null },
  purpose: 'invite' | 'reset',
  /** An invitation to review one jurisdiction's profiles says so, and until when. */
  reviewing?: { jurisdiction: string; until: string | null },
) {
  const emailed = Boolean(getEnv().SMTP_URL);
  const token = await issuePasswordToken(tx, user.id, purpose);
  const link = setPasswordLink(token, user.locale);
  const mail = { name: user.name, admin: actor.name, hours: PASSWORD_LINK_HOURS };
  if (emailed) {
    await queueAccountEmail(tx, user, reviewing && purpose === 'invite' ? { kind: 'reviewer_invite', link, ...mail, ...reviewing } : { kind: purpose, link, ...mail });
  }
  if (purpose === 'reset') {
    if (!emailed) await queueAccountEmail(tx, user, { kind: 'reset_notice', ...mail });
    await tx.insert(notifications).values({ userId: user.id, kind: 'password_reset', actorId: actor.userId });
  }
  await tx.insert(accountEvents).values({ userId: user.id, actorId: actor.userId, kind: 'password_link_issued', detail: `${purpose}, ${emailed ? 'emailed' : 'shown to the admin'}` });
  return { link: emailed ? null : link, emailed };
}

/**
 * Creates an account and a one-time link to set its password: emailed when
 * email is configured, otherwise returned for the admin to pass on.
 */
/**
 * Invites a person, with the roles on jurisdictions the admin gave in the same
 * form: the account, its roles and its link are written together or not at all.
 */
export async function inviteUser(
  actor: Actor,
  input: { email: string; name: string; isAdmin: boolean; roles?: ReadonlyArray<{ jurisdictionId: string; role: 'consultant' | 'focal_point' }> },
) {
  assertCan(actor, 'manage_users');
  const { roles = [], ...account } = { ...input, email: input.email.trim().toLowerCase() };
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(account).returning({ id: users.id, email: users.email, name: users.name, locale: users.locale });
      if (roles.length > 0) {
        const ids = [...new Set(roles.map((r) => r.jurisdictionId))];
        const found = await tx.select({ id: jurisdictions.id }).from(jurisdictions).where(inArray(jurisdictions.id, ids));
        if (found.length !== ids.length) {
          throw new InvalidInputError('jurisdiction_missing', 'A jurisdiction chosen for a role does not exist (any more).', { field: 'roles' });
        }
        await tx.insert(memberships).values(roles.map((r) => ({ userId: user.id, jurisdictionId: r.jurisdictionId, role: r.role }))).onConflictDoNothing();
      }
      return { user, ...(await issueLink(tx, actor, user, 'invite')) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('email_taken', 'A user with this email already exists.', { field: 'email' });
    }
    throw error;
  }
}

/**
 * A fresh one-time link for an existing user (lost invitation, forgotten
 * password). Resetting the password of an admin or a focal point is refused:
 * one admin alone must not be able to take over an account that approves or
 * publishes; the server's operator issues those links (`npm run cli -- user
 * reset-link`).
 */
export async function resendPasswordLink(actor: Actor, userId: string) {
  assertCan(actor, 'manage_users');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new NotFoundError('user');
    const purpose = user.passwordHash ? 'reset' : 'invite';
    if (purpose === 'reset' && (user.isAdmin || (await isFocalPoint(tx, user.id)))) {
      throw new ForbiddenError('An administrator’s or focal point’s password is reset by the server’s operator, on the command line.', 'reset_needs_operator');
    }
    return issueLink(tx, actor, user, purpose);
  });
}

/**
 * For the server's operator (the CLI), who already holds the database: a link
 * for any active user, recorded and told to the person like an admin's reset.
 */
export async function unsafeIssueResetLink(email: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.email, email.trim().toLowerCase()), eq(users.active, true)));
    if (!user) throw new NotFoundError('active user with that email');
    const token = await issuePasswordToken(tx, user.id, user.passwordHash ? 'reset' : 'invite');
    if (user.passwordHash) {
      await tx.insert(notifications).values({ userId: user.id, kind: 'password_reset', actorId: null });
      await queueAccountEmail(tx, user, { kind: 'reset_notice', name: user.name, admin: 'The operator' });
    }
    await tx.insert(accountEvents).values({ userId: user.id, actorId: null, kind: 'password_link_issued', detail: 'by the operator (command line)' });
    return setPasswordLink(token);
  });
}

async function isFocalPoint(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ one: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'focal_point')))
    .limit(1);
  return rows.length > 0;
}

/**
 * Deactivating ends every session of the user, revokes their API tokens and
 * spends their pending password links, in one transaction; reactivating
 * brings none of them back (the person gets a new link, the operator new tokens).
 */
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
    if (!active) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
      await tx.update(passwordTokens).set({ usedAt: sql`now()` }).where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
    }
    await tx.insert(accountEvents).values({ userId, actorId: actor.userId, kind: active ? 'reactivated' : 'deactivated' });
  });
  announceRightsChanged({ userId });
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
  announceRightsChanged({ userId });
}

export async function grantRole(actor: Actor, input: { userId: string; jurisdictionId: string; role: JurisdictionRole }) {
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
  // A new role can let them edit what they hold open read-only: they reconnect with it.
  announceRightsChanged({ userId: input.userId });
}

export async function revokeRole(actor: Actor, input: { userId: string; jurisdictionId: string; role: JurisdictionRole }) {
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
  // Their open parts of that jurisdiction close, or turn read-only if another role still lets them read.
  announceRightsChanged({ userId: input.userId });
}

/** Records the interface language a person chose, for the emails they get. */
/** The interface language a person chose or was invited in, if any: their session's, from their login on. */
export async function storedLocale(userId: string): Promise<Locale | null> {
  const db = await getDb();
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return isLocale(row?.locale) ? row.locale : null;
}

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
