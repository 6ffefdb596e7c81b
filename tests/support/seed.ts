import { randomBytes } from 'node:crypto';
import { getDb } from '../../db/client';
import { jurisdictions, memberships, users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { hashPassword } from '../../lib/data/passwords';
import type { JurisdictionRole } from '../../lib/domain/roles';

const suffix = () => randomBytes(4).toString('hex');

export async function seedJurisdiction(overrides: Partial<typeof jurisdictions.$inferInsert> = {}) {
  const db = await getDb();
  const slug = overrides.slug ?? `j-${suffix()}`;
  const [row] = await db
    .insert(jurisdictions)
    .values({ slug, name: `Jurisdiction ${slug}`, level: 'municipality', country: 'PE', ...overrides })
    .returning();
  return row;
}

/** A user with a password and the given roles, returned with their Actor. */
export async function seedUser(
  options: {
    isAdmin?: boolean;
    active?: boolean;
    password?: string | null;
    name?: string;
    /** The interface language the person chose (emails are written in it). */
    locale?: string | null;
    roles?: Array<{ jurisdictionId: string; role: JurisdictionRole }>;
  } = {},
) {
  const db = await getDb();
  const email = `user-${suffix()}@example.org`;
  const password = options.password === undefined ? 'correct horse battery' : options.password;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: options.name ?? `User ${email}`,
      locale: options.locale ?? null,
      isAdmin: options.isAdmin ?? false,
      active: options.active ?? true,
      passwordHash: password ? await hashPassword(password) : null,
    })
    .returning();
  for (const r of options.roles ?? []) await db.insert(memberships).values({ userId: user.id, ...r });
  const actor = await loadActor(user.id, 'session');
  return { user, password, actor: actor! };
}
