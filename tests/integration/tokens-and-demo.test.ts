import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { apiTokens, jurisdictions, memberships, users } from '../../db/schema';
import { loadActorByToken } from '../../lib/data/actor';
import { unsafeCreateApiToken, unsafeListApiTokens, unsafeRevokeApiToken } from '../../lib/data/api-tokens';

const resolveApiToken = async (token: string) => (await loadActorByToken(token))?.userId ?? null;
import { DEMO_PASSWORD, unsafeSeedDemoData } from '../../lib/data/demo-seed';
import { verifyPasswordLogin } from '../../lib/data/login';
import { hashToken } from '../../lib/data/secret-token';
import { unsafeUpsertAdmin } from '../../lib/data/users';
import { targets, freshDatabasePerSuite } from '../support/test-db';

describe.each(targets)('demo data, admins and API tokens on %s', (target) => {
  freshDatabasePerSuite(target);

  it('seeds exactly the demo accounts into an empty database, once', async () => {
    expect(await unsafeSeedDemoData()).toBe(true);
    expect(await unsafeSeedDemoData()).toBe(false);
    const db = await getDb();
    const rows = await db
      .select({ email: users.email, isAdmin: users.isAdmin, slug: jurisdictions.slug, role: memberships.role })
      .from(users)
      .leftJoin(memberships, eq(memberships.userId, users.id))
      .leftJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
      .orderBy(users.email, jurisdictions.slug);
    expect(rows).toEqual([
      { email: 'admin@example.org', isAdmin: true, slug: null, role: null },
      { email: 'consultant@example.org', isAdmin: false, slug: 'huaquillas', role: 'consultant' },
      { email: 'consultant@example.org', isAdmin: false, slug: 'lima', role: 'consultant' },
      { email: 'focal.lima@example.org', isAdmin: false, slug: 'lima', role: 'focal_point' },
      { email: 'focal.sonora@example.org', isAdmin: false, slug: 'sonora', role: 'focal_point' },
    ]);
    for (const r of rows) expect(await verifyPasswordLogin(r.email, DEMO_PASSWORD, null)).toMatchObject({ ok: true });
    const [{ n }] = await db.select({ n: count() }).from(users);
    expect(n).toBe(4);
  });

  it('creates an admin, or promotes an existing user', async () => {
    await unsafeUpsertAdmin({ email: 'focal.lima@example.org', name: 'ignored', password: 'a new admin password' });
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.email, 'focal.lima@example.org'));
    expect(row.isAdmin).toBe(true);
    expect(await verifyPasswordLogin('focal.lima@example.org', 'a new admin password', null)).toMatchObject({ ok: true });
  });

  it('mints tokens stored only as hashes, which authenticate until revoked', async () => {
    const { id, token } = await unsafeCreateApiToken('Consultant@Example.org', 'ci');
    expect(token).toMatch(/^mgi_[A-Za-z0-9_-]{43}$/);
    const db = await getDb();
    const [stored] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));

    const [consultant] = await db.select().from(users).where(eq(users.email, 'consultant@example.org'));
    expect(await resolveApiToken(token)).toBe(consultant.id);
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await resolveApiToken(altered)).toBeNull();
    expect(await resolveApiToken('garbage')).toBeNull();
    expect((await unsafeListApiTokens('consultant@example.org')).map((t) => t.id)).toContain(id);

    await unsafeRevokeApiToken(id);
    expect(await resolveApiToken(token)).toBeNull();
    await expect(unsafeRevokeApiToken(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(unsafeCreateApiToken('nobody@example.org')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('stops a token working when its user is deactivated', async () => {
    const { token } = await unsafeCreateApiToken('focal.sonora@example.org');
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.email, 'focal.sonora@example.org'));
    expect(await resolveApiToken(token)).toBeNull();
  });
});
