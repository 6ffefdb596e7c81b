import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Queryable } from '../../db/client';
import { passwordTokens, sessions, users } from '../../db/schema';
import { InvalidInputError } from './errors';
import { hashPassword } from './passwords';
import { hashToken, newSecretToken } from './secret-token';

export const PASSWORD_LINK_HOURS = 72;

/** Issues a one-time set-password token, replacing any earlier unused one. */
export async function issuePasswordToken(
  q: Queryable,
  userId: string,
  purpose: 'invite' | 'reset',
): Promise<string> {
  await q
    .update(passwordTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
  const token = newSecretToken('pw');
  await q.insert(passwordTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(hours => ${PASSWORD_LINK_HOURS})`,
  });
  return token;
}

/** Who a still-valid link is for (to greet them), or null. */
export async function describePasswordToken(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, name: users.name, purpose: passwordTokens.purpose })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

/**
 * Sets the password behind a one-time link and spends the link. Earlier
 * sessions end: whoever knew the old password is logged out.
 */
export async function consumePasswordToken(token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordTokens.tokenHash, hashToken(token)),
          isNull(passwordTokens.usedAt),
          gt(passwordTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordTokens.userId });
    if (!spent) {
      throw new InvalidInputError('link_invalid', 'This link has expired or was already used. Ask an administrator for a new one.');
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(users.id, spent.userId), eq(users.active, true)))
      .returning({ email: users.email });
    if (!user) throw new InvalidInputError('link_invalid', 'This account is deactivated.');
    await tx.delete(sessions).where(eq(sessions.userId, spent.userId));
    return user;
  });
}
