import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { jurisdictions, memberships, users } from '../../db/schema';
import type { Actor } from '../policy';

/** Loads an active user with their roles, fresh from the database, in one query. */
export async function loadActor(userId: string, via: Actor['via']): Promise<Actor | null> {
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      locale: users.locale,
      jurisdictionId: memberships.jurisdictionId,
      role: memberships.role,
      slug: jurisdictions.slug,
      jurisdictionName: jurisdictions.name,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .orderBy(asc(jurisdictions.name), asc(memberships.role));
  const [user] = rows;
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    locale: user.locale,
    memberships: rows
      .filter((r) => r.jurisdictionId && r.role && r.slug && r.jurisdictionName)
      .map((r) => ({ jurisdictionId: r.jurisdictionId!, role: r.role!, slug: r.slug!, name: r.jurisdictionName! })),
    via,
  };
}
