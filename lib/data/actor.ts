import 'server-only';
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { apiTokens, jurisdictions, memberships, users } from '../../db/schema';
import type { Actor } from '../policy';
import { membershipInForce } from './membership-in-force';
import { hashToken } from './secret-token';

const actorColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isAdmin: users.isAdmin,
  locale: users.locale,
  jurisdictionId: memberships.jurisdictionId,
  role: memberships.role,
  slug: jurisdictions.slug,
  jurisdictionName: jurisdictions.name,
};

type ActorRow = { [K in keyof typeof actorColumns]: (typeof actorColumns)[K]['_']['data'] | null };

function toActor(rows: ActorRow[], via: Actor['via']): Actor | null {
  const [user] = rows;
  if (!user?.id) return null;
  return {
    userId: user.id,
    email: user.email!,
    name: user.name!,
    isAdmin: user.isAdmin!,
    locale: user.locale,
    memberships: rows
      .filter((r) => r.jurisdictionId && r.role && r.slug && r.jurisdictionName)
      .map((r) => ({ jurisdictionId: r.jurisdictionId!, role: r.role!, slug: r.slug!, name: r.jurisdictionName! })),
    via,
  };
}

/** Loads an active user with their roles, fresh from the database, in one query. */
export async function loadActor(userId: string, via: Actor['via']): Promise<Actor | null> {
  const db = await getDb();
  const rows = await db
    .select(actorColumns)
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), membershipInForce))
    .leftJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .orderBy(asc(jurisdictions.name), asc(memberships.role));
  return toActor(rows, via);
}

/**
 * The active user behind an unrevoked API token, with their roles, in one
 * query (this runs on every API request). Recording the token's use costs a
 * write at most once a minute.
 */
export async function loadActorByToken(token: string): Promise<Actor | null> {
  if (!/^mgi_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const db = await getDb();
  const stale: SQL<boolean> = sql`${apiTokens.lastUsedAt} IS NULL OR ${apiTokens.lastUsedAt} < now() - interval '1 minute'`;
  const rows = await db
    .select({ ...actorColumns, tokenId: apiTokens.id, stale })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), membershipInForce))
    .leftJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), eq(users.active, true)))
    .orderBy(asc(jurisdictions.name), asc(memberships.role));
  if (rows[0]?.stale) await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, rows[0].tokenId));
  return toActor(rows, 'token');
}
