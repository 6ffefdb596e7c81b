import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { loginThrottle, sessions, users } from '../../db/schema';
import { verifyPasswordLogin } from '../../lib/data/login';
import { accountDelaySeconds, ACCOUNT_FREE_FAILURES, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_PAIR } from '../../lib/data/login-throttle';
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

  const retryAfter = (r: unknown) => (r as { retryAfterSeconds: number }).retryAfterSeconds;
  const fail = (email: string, address: string | null, i = 0) => verifyPasswordLogin(email, `wrong ${i} password`, address);

  it('a stranger failing from many addresses cannot keep the person out of an address they used before', async () => {
    const { user, password } = await seedUser();
    expect(await verifyPasswordLogin(user.email, password!, '198.51.100.7')).toMatchObject({ ok: true });
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(((await fail(user.email, `203.0.113.${i}`, i)) as { reason?: string }).reason);
    // Past ten failures the stranger is not even checked: every further try waits the account's delay…
    expect(answers.slice(ACCOUNT_FREE_FAILURES).every((r) => r === 'throttled')).toBe(true);
    const stranger = await verifyPasswordLogin(user.email, password!, '203.0.113.200');
    expect(stranger).toMatchObject({ ok: false, reason: 'throttled' });
    expect(retryAfter(stranger)).toBeGreaterThan(20);
    // …while the person, from their own address, gets in at once.
    expect(await verifyPasswordLogin(user.email, password!, '198.51.100.7')).toMatchObject({ ok: true });
  });

  it('one address gets 10 tries at an account per window, even with the right password after them', async () => {
    const { user, password } = await seedUser();
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) {
      expect(await fail(user.email, '10.2.0.1', i)).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    }
    const blocked = await verifyPasswordLogin(user.email, password!, '10.2.0.1');
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    expect(retryAfter(blocked)).toBeGreaterThan(14 * 60);
    expect(retryAfter(blocked)).toBeLessThanOrEqual(15 * 60);
    // When the window has passed, the same address gets in: no permanent lock-out.
    const db = await getDb();
    await db.update(loginThrottle).set({ windowStart: sql`now() - interval '16 minutes'`, lastFailureAt: sql`now() - interval '16 minutes'` });
    expect(await verifyPasswordLogin(user.email, password!, '10.2.0.1')).toMatchObject({ ok: true });
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `pair:${user.email}|10.2.0.1`));
    expect(row).toBeUndefined();
  });

  it('an account under attack makes new addresses wait a delay that grows, and ends after a quiet window', async () => {
    const { user, password } = await seedUser();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) await fail(user.email, `10.3.0.${i}`, i);
    const first = await verifyPasswordLogin(user.email, password!, '10.3.1.1');
    expect(first).toMatchObject({ reason: 'throttled' });
    expect(retryAfter(first)).toBeLessThanOrEqual(accountDelaySeconds(ACCOUNT_FREE_FAILURES));
    const db = await getDb();
    const key = `account:${user.email}`;
    await db.update(loginThrottle).set({ lastFailureAt: sql`now() - interval '1 minute'` }).where(eq(loginThrottle.key, key));
    await fail(user.email, '10.3.0.99', 99); // allowed again, and fails: the next wait is longer
    const second = await verifyPasswordLogin(user.email, password!, '10.3.1.1');
    expect(retryAfter(second)).toBeGreaterThan(retryAfter(first));
    await db.update(loginThrottle).set({ lastFailureAt: sql`now() - interval '16 minutes'` }).where(eq(loginThrottle.key, key));
    expect(await verifyPasswordLogin(user.email, password!, '10.3.1.1')).toMatchObject({ ok: true });
  });

  it('the delay doubles and stops growing at 15 minutes', () => {
    expect(accountDelaySeconds(ACCOUNT_FREE_FAILURES - 1)).toBe(0);
    expect(accountDelaySeconds(ACCOUNT_FREE_FAILURES + 1)).toBe(2 * accountDelaySeconds(ACCOUNT_FREE_FAILURES));
    expect(accountDelaySeconds(1000)).toBe(15 * 60);
  });

  it('throttles a client address that tries many accounts, but not for accounts that used it before', async () => {
    const address = '192.0.2.77';
    const regular = await seedUser();
    expect(await verifyPasswordLogin(regular.user.email, regular.password!, address)).toMatchObject({ ok: true });
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await verifyPasswordLogin(`spray-${i}@example.org`, 'guess password', address);
    }
    const { user, password } = await seedUser();
    expect(await verifyPasswordLogin(user.email, password!, address)).toMatchObject({ reason: 'throttled' });
    expect(await verifyPasswordLogin(user.email, password!, '192.0.2.78')).toMatchObject({ ok: true });
    expect(await verifyPasswordLogin(regular.user.email, regular.password!, address)).toMatchObject({ ok: true });
  });

  it('counts IPv6 clients by their /64', async () => {
    const { user, password } = await seedUser();
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) await fail(user.email, `2001:db8:1:2::${i + 1}`, i);
    expect(await verifyPasswordLogin(user.email, password!, '2001:db8:1:2:ffff::9')).toMatchObject({ reason: 'throttled' });
  });

  it('counts parallel failures without losing any', async () => {
    const email = 'parallel@example.org';
    await Promise.all(Array.from({ length: 8 }, () => verifyPasswordLogin(email, 'wrong password', null)));
    const db = await getDb();
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `account:${email}`));
    expect(row.failures).toBe(8);
  });

  it('a failure stamped after this attempt began (a concurrent one) does not turn it away under the free allowance', async () => {
    const email = 'concurrent@example.org';
    const db = await getDb();
    // As a parallel attempt whose transaction started a moment after this one's clock leaves it.
    await db.insert(loginThrottle).values({ key: `account:${email}`, failures: 3, lastFailureAt: sql`now() + interval '2 seconds'` });
    expect(await verifyPasswordLogin(email, 'wrong password', null)).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `account:${email}`));
    expect(row.failures).toBe(4);
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
