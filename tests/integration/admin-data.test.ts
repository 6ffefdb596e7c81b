import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { accountEvents, emailOutbox, jurisdictions, memberships, notifications, passwordTokens, sessions, users } from '../../db/schema';
import { loadActor, loadActorByToken } from '../../lib/data/actor';
import { unsafeCreateApiToken } from '../../lib/data/api-tokens';
import { ConflictError, InvalidInputError, NotFoundError } from '../../lib/data/errors';
import { createJurisdiction, getJurisdictionBySlug, listJurisdictions, updateJurisdiction } from '../../lib/data/jurisdictions';
import { verifyPasswordLogin } from '../../lib/data/login';
import { consumePasswordToken, describePasswordToken } from '../../lib/data/password-tokens';
import { createSession, resolveSession } from '../../lib/data/sessions';
import { grantRole, inviteUser, listUsers, resendPasswordLink, revokeRole, setUserActive, setUserAdmin, unsafeIssueResetLink } from '../../lib/data/users';
import { seedJurisdiction, seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe.each(targets)('administration on %s', (target) => {
  freshDatabasePerSuite(target);

  it('creates and edits jurisdictions; a taken slug or a cycle is refused and changes nothing', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const country = await createJurisdiction(admin, { name: 'Chile', slug: 'chile', level: 'country', country: 'CL', parentId: null });
    const city = await createJurisdiction(admin, { name: 'Valparaíso', slug: 'valparaiso', level: 'municipality', country: 'CL', parentId: country.id });
    expect(city.parentId).toBe(country.id);

    await expect(
      createJurisdiction(admin, { name: 'Other', slug: 'chile', level: 'country', country: 'CL', parentId: null }),
    ).rejects.toMatchObject({ code: 'slug_taken', status: 409 });
    await expect(
      updateJurisdiction(admin, country.id, { name: 'Chile', slug: 'chile', level: 'country', country: 'CL', parentId: city.id }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      updateJurisdiction(admin, city.id, { name: 'Valpo', slug: 'chile', level: 'municipality', country: 'CL', parentId: null }),
    ).rejects.toBeInstanceOf(ConflictError);
    const db = await getDb();
    const [unchanged] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, city.id));
    expect(unchanged).toMatchObject({ name: 'Valparaíso', slug: 'valparaiso', parentId: country.id });

    const renamed = await updateJurisdiction(admin, city.id, { name: 'Valparaíso (ciudad)', slug: 'valparaiso', level: 'municipality', country: 'CL', parentId: country.id });
    expect(renamed.name).toBe('Valparaíso (ciudad)');
  });

  it('hides admin data functions from non-admins as if nothing existed', async () => {
    const j = await seedJurisdiction();
    const { actor: consultant } = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const input = { name: 'X', slug: 'x-town', level: 'municipality' as const, country: 'PE', parentId: null };
    await expect(createJurisdiction(consultant, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listUsers(consultant)).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteUser(consultant, { email: 'x@example.org', name: 'X', isAdmin: false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setUserAdmin(consultant, consultant.userId, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(grantRole(consultant, { userId: consultant.userId, jurisdictionId: j.id, role: 'focal_point' })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    expect(await db.select().from(jurisdictions).where(eq(jurisdictions.slug, 'x-town'))).toHaveLength(0);
  });

  it('scopes jurisdictions by role: members see theirs, others get NotFound', async () => {
    const lima = await seedJurisdiction({ slug: 'lima-test' });
    const sonora = await seedJurisdiction({ slug: 'sonora-test' });
    const { actor: focal } = await seedUser({ roles: [{ jurisdictionId: sonora.id, role: 'focal_point' }] });
    expect((await listJurisdictions(focal)).map((j) => j.slug)).toEqual(['sonora-test']);
    expect((await getJurisdictionBySlug(focal, 'sonora-test')).id).toBe(sonora.id);
    await expect(getJurisdictionBySlug(focal, 'lima-test')).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJurisdictionBySlug(focal, 'no-such-place')).rejects.toBeInstanceOf(NotFoundError);
    const { actor: admin } = await seedUser({ isAdmin: true });
    expect((await getJurisdictionBySlug(admin, 'lima-test')).id).toBe(lima.id);
  });

  it('invites a user with a one-time link valid 72 hours that sets their password', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const { user, link, emailed } = await inviteUser(admin, { email: 'new.person@example.org', name: 'New Person', isAdmin: false });
    expect(emailed).toBe(false); // no SMTP configured in tests
    const token = tokenOf(link!);
    expect(await describePasswordToken(token)).toMatchObject({ email: 'new.person@example.org', purpose: 'invite' });

    const db = await getDb();
    const [stored] = await db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id));
    expect(stored.tokenHash).not.toContain(token);
    const [{ hours }] = await db
      .select({ hours: sql<number>`round(extract(epoch from ${passwordTokens.expiresAt} - now()) / 3600)::int` })
      .from(passwordTokens)
      .where(eq(passwordTokens.id, stored.id));
    expect(hours).toBe(72);

    await expect(inviteUser(admin, { email: 'NEW.person@example.org', name: 'Again', isAdmin: false })).rejects.toMatchObject({ code: 'email_taken' });

    await consumePasswordToken(token, 'a brand new password');
    expect(await verifyPasswordLogin('new.person@example.org', 'a brand new password', null)).toMatchObject({ ok: true });
    await expect(consumePasswordToken(token, 'another new password')).rejects.toMatchObject({ code: 'link_invalid' });
  });

  it('invites a user with their roles in one transaction; a missing jurisdiction or a taken email writes nothing', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const [a, b] = [await seedJurisdiction(), await seedJurisdiction()];
    const roles = [
      { jurisdictionId: a.id, role: 'consultant' as const },
      { jurisdictionId: b.id, role: 'focal_point' as const },
    ];
    const { user } = await inviteUser(admin, { email: 'with.roles@example.org', name: 'With Roles', isAdmin: false, roles });
    const db = await getDb();
    const given = await db.select({ jurisdictionId: memberships.jurisdictionId, role: memberships.role }).from(memberships).where(eq(memberships.userId, user.id));
    expect(given).toEqual(expect.arrayContaining(roles));
    expect(given).toHaveLength(2);

    const usersBefore = (await db.select({ id: users.id }).from(users)).length;
    const gone = '00000000-0000-4000-8000-000000000000';
    await expect(
      inviteUser(admin, { email: 'half.roles@example.org', name: 'Half', isAdmin: false, roles: [roles[0], { jurisdictionId: gone, role: 'consultant' }] }),
    ).rejects.toMatchObject({ code: 'jurisdiction_missing', details: { field: 'roles' } });
    await expect(inviteUser(admin, { email: 'WITH.roles@example.org', name: 'Again', isAdmin: false, roles })).rejects.toMatchObject({ code: 'email_taken' });
    expect((await db.select({ id: users.id }).from(users)).length).toBe(usersBefore);
    expect(await db.select().from(passwordTokens).innerJoin(users, eq(users.id, passwordTokens.userId)).where(eq(users.email, 'half.roles@example.org'))).toEqual([]);
  });

  it('refuses an expired link and a replaced one', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const { user, link } = await inviteUser(admin, { email: 'late@example.org', name: 'Late', isAdmin: false });
    const db = await getDb();
    await db.update(passwordTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(passwordTokens.userId, user.id));
    await expect(consumePasswordToken(tokenOf(link!), 'a brand new password')).rejects.toMatchObject({ code: 'link_invalid' });

    const first = await resendPasswordLink(admin, user.id);
    const second = await resendPasswordLink(admin, user.id);
    await expect(consumePasswordToken(tokenOf(first.link!), 'a brand new password')).rejects.toMatchObject({ code: 'link_invalid' });
    await consumePasswordToken(tokenOf(second.link!), 'a brand new password');
  });

  it('deactivation ends sessions at once; an admin cannot lock themselves out', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const { user } = await seedUser();
    const sid = await createSession(user.id);
    await setUserActive(admin, user.id, false);
    expect(await resolveSession(sid)).toBeNull();
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect(await loadActor(user.id, 'session')).toBeNull();

    await expect(setUserActive(admin, admin.userId, false)).rejects.toMatchObject({ code: 'cannot_deactivate_self' });
    await expect(setUserAdmin(admin, admin.userId, false)).rejects.toMatchObject({ code: 'cannot_demote_self' });
    const [self] = await db.select().from(users).where(eq(users.id, admin.userId));
    expect(self).toMatchObject({ active: true, isAdmin: true });

    await setUserActive(admin, user.id, true);
    expect(await loadActor(user.id, 'session')).not.toBeNull();
  });

  it('deactivation revokes API tokens and pending links in one go; reactivation brings neither back', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const { user } = await seedUser();
    const { token } = await unsafeCreateApiToken(user.email, 'test');
    const { link } = await resendPasswordLink(admin, user.id);
    expect(await loadActorByToken(token)).not.toBeNull();
    await setUserActive(admin, user.id, false);
    await setUserActive(admin, user.id, true);
    expect(await loadActorByToken(token)).toBeNull();
    expect(await describePasswordToken(tokenOf(link!))).toBeNull();
    await expect(consumePasswordToken(tokenOf(link!), 'a brand new password')).rejects.toMatchObject({ code: 'link_invalid' });
    const db = await getDb();
    const events = await db.select({ kind: accountEvents.kind, actorId: accountEvents.actorId }).from(accountEvents).where(eq(accountEvents.userId, user.id)).orderBy(accountEvents.createdAt);
    expect(events.map((e) => e.kind)).toEqual(['password_link_issued', 'deactivated', 'reactivated']);
    expect(events.every((e) => e.actorId === admin.userId)).toBe(true);
  });

  it('a reset is recorded and told to the person, in the app and by email in their language', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const { user } = await seedUser();
    const db = await getDb();
    await db.update(users).set({ locale: 'es' }).where(eq(users.id, user.id));
    await resendPasswordLink(admin, user.id);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'password_reset')))).toHaveLength(1);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, user.email));
    expect(mail.subject).toMatch(/contraseña/);
    expect(mail.body).toContain(admin.name);
    expect(mail.body).not.toContain('set-password'); // without SMTP the link went to the admin, not into the outbox
    expect(await db.select().from(accountEvents).where(eq(accountEvents.userId, user.id))).toHaveLength(1);
  });

  it('refuses to reset an admin or a focal point, issuing nothing; their invitations can still be resent', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const j = await seedJurisdiction();
    const { user: otherAdmin } = await seedUser({ isAdmin: true });
    const { user: focal } = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const { user: invitedFocal } = await seedUser({ password: null, roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const db = await getDb();
    for (const target of [otherAdmin, focal]) {
      await expect(resendPasswordLink(admin, target.id)).rejects.toMatchObject({ code: 'reset_needs_operator', status: 403 });
      expect(await db.select().from(passwordTokens).where(eq(passwordTokens.userId, target.id))).toHaveLength(0);
    }
    expect((await resendPasswordLink(admin, invitedFocal.id)).link).toContain('/set-password?token=');
    // The operator can, and it is recorded and told likewise.
    expect(await unsafeIssueResetLink(focal.email)).toContain('/set-password?token=');
    expect(await db.select().from(accountEvents).where(eq(accountEvents.userId, focal.id))).toHaveLength(1);
  });

  it('grants and revokes roles, which the next actor load reflects', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const j = await seedJurisdiction();
    const { user } = await seedUser();
    await grantRole(admin, { userId: user.id, jurisdictionId: j.id, role: 'focal_point' });
    await grantRole(admin, { userId: user.id, jurisdictionId: j.id, role: 'focal_point' }); // idempotent
    expect((await loadActor(user.id, 'session'))!.memberships).toEqual([
      { jurisdictionId: j.id, slug: j.slug, name: j.name, role: 'focal_point' },
    ]);
    await revokeRole(admin, { userId: user.id, jurisdictionId: j.id, role: 'focal_point' });
    expect((await loadActor(user.id, 'session'))!.memberships).toEqual([]);
    await expect(
      grantRole(admin, { userId: user.id, jurisdictionId: '00000000-0000-4000-8000-000000000000', role: 'consultant' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
