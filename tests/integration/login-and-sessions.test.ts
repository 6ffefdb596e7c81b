import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { loginThrottle, sessions, users } from '../../db/schema';
import { verifyPasswordLogin } from '../../lib/data/login';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../../lib/data/login-throttle';
import { createSession, deleteSession, resolveSession } from '../../lib/data/sessions';
import { seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

describe.each(targets)('logins and sessions on %s', (target) => {
  freshDatabasePerSuite(target);

  it('stores passwords as argon2id', async () => {
    const { user } = await seedUser();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('accepts the right password, whatever the email case', async () => {
    const { user, password } = await seedUser();
    const result = await verifyPasswordLogin(`  ${user.email.toUpperCase()} `, password!, '10.0.0.1');
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
  });

  it('answers the same for an unknown email, a wrong password, an inactive user and one without password', async () => {
    const known = await seedUser();
    const inactive = await seedUser({ active: false });
    const invited = await seedUser({ password: null });
    const answers = await Promise.all([
      verifyPasswordLogin('nobody@example.org', 'whatever password', null),
      verifyPasswordLogin(known.user.email, 'wrong password!!', null),
      verifyPasswordLogin(inactive.user.email, inactive.password!, null),
      verifyPasswordLogin(invited.user.email, 'any password at all', null),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: 'invalid_credentials' });
  });

  it('throttles an account after 10 failures, even for the right password, for one window only', async () => {
    const { user, password } = await seedUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await verifyPasswordLogin(user.email, `wrong ${i} password`, `10.1.0.${i}`)).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    }
    const blocked = await verifyPasswordLogin(user.email, password!, '10.9.9.9');
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // When the window has passed, the real user gets in again: no permanent lock-out.
    const db = await getDb();
    await db
      .update(loginThrottle)
      .set({ windowStart: sql`now() - interval '16 minutes'` })
      .where(eq(loginThrottle.key, `account:${user.email}`));
    expect(await verifyPasswordLogin(user.email, password!, '10.9.9.9')).toMatchObject({ ok: true });
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `account:${user.email}`));
    expect(row).toBeUndefined();
  });

  it('throttles a client address that tries many accounts', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await verifyPasswordLogin(`spray-${i}@example.org`, 'guess password', address);
    }
    const { user, password } = await seedUser();
    expect(await verifyPasswordLogin(user.email, password!, address)).toMatchObject({ reason: 'throttled' });
    expect(await verifyPasswordLogin(user.email, password!, '192.0.2.78')).toMatchObject({ ok: true });
  });

  it('counts parallel failures without losing any', async () => {
    const email = 'parallel@example.org';
    await Promise.all(Array.from({ length: 8 }, () => verifyPasswordLogin(email, 'wrong password', null)));
    const db = await getDb();
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `account:${email}`));
    expect(row.failures).toBe(8);
  });

  it('ends a session on logout, after idling, after the maximum age, and on deactivation', async () => {
    const { user } = await seedUser();
    const db = await getDb();
    const live = await createSession(user.id, 'test');
    expect(await resolveSession(live)).toBe(user.id);

    await deleteSession(live);
    expect(await resolveSession(live)).toBeNull();

    const idle = await createSession(user.id);
    await db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(sessions.id, idle));
    expect(await resolveSession(idle)).toBeNull();

    const old = await createSession(user.id);
    await db.update(sessions).set({ createdAt: sql`now() - interval '13 hours'` }).where(eq(sessions.id, old));
    expect(await resolveSession(old)).toBeNull();

    const active = await createSession(user.id);
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await resolveSession(active)).toBeNull();
  });

  it('moves last_seen_at forward on use', async () => {
    const { user } = await seedUser();
    const db = await getDb();
    const id = await createSession(user.id);
    await db.update(sessions).set({ lastSeenAt: sql`now() - interval '20 minutes'` }).where(eq(sessions.id, id));
    expect(await resolveSession(id)).toBe(user.id);
    const [row] = await db
      .select({ ageSeconds: sql<number>`extract(epoch from now() - ${sessions.lastSeenAt})::int` })
      .from(sessions)
      .where(eq(sessions.id, id));
    expect(row.ageSeconds).toBeLessThan(5);
  });
});
