import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { apiTokens, users } from '../../db/schema';
import { NotFoundError } from './errors';
import { hashToken, newSecretToken } from './secret-token';

/**
 * Mints an API token for a user. The token is returned once and only its hash
 * is stored. Unscoped on purpose: only the CLI (an operator on the server) calls it.
 */
export async function unsafeCreateApiToken(email: string, name = 'cli') {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!user) throw new NotFoundError('user with that email');
  const token = newSecretToken('mgi');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: user.id, name, tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id });
  return { id: row.id, token };
}

export async function unsafeListApiTokens(email?: string) {
  const db = await getDb();
  return db
    .select({
      id: apiTokens.id,
      email: users.email,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(email ? eq(users.email, email.trim().toLowerCase()) : undefined)
    .orderBy(desc(apiTokens.createdAt));
}

export async function unsafeRevokeApiToken(id: string): Promise<void> {
  const db = await getDb();
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw new NotFoundError('active token with that id');
}
