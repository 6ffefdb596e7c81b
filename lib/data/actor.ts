import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { jurisdictions, memberships, users } from '../../db/schema';
import type { Actor } from '../policy';

/** Loads an active user with their roles, fresh from the database. */
export async function loadActor(userId: string, via: Actor['via']): Promise<Actor | null> {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      locale: users.locale,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
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
    .orderBy(asc(jurisdictions.name), asc(memberships.role));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    locale: user.locale,
    memberships: roles,
    via,
  };
}
