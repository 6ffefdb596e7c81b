import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Queryable } from '../../db/client';
import { passwordTokens, sessions, users } from '../../db/schema';
import { announceRightsChanged } from '../collab/live-registry';
import { DataError, InvalidInputError } from './errors';
import { loginKeys, recordFailure, recordLoginSuccess, secondsUntilAllowed, setPasswordKey } from './login-throttle';
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

const validToken = (token: string) =>
  and(eq(passwordTokens.tokenHash, hashToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, sql`now()`));

const linkInvalid = () =>
  new InvalidInputError('link_invalid', 'This link has expired or was already used. Ask an administrator for a new one.');

/**
 * Sets the password behind a one-time link and spends the link. Earlier
 * sessions end: whoever knew the old password is logged out.
 *
 * Attempts are throttled per client address (in the database, so every
 * instance counts them), and the link is checked before the password is
 * hashed: argon2 is slow on purpose, and a made-up link must not cost the
 * server a hash. The address the person set their password from counts as
 * theirs for login throttling.
 */
export async function consumePasswordToken(token: string, password: string, address: string | null = null): Promise<{ email: string; userId: string }> {
  const key = setPasswordKey(address);
  const wait = await secondsUntilAllowed([key]);
  if (wait > 0) {
    throw new DataError('set_password_throttled', 'Too many attempts from this address; try again later.', 429, { minutes: Math.max(1, Math.ceil(wait / 60)) });
  }
  const db = await getDb();
  const [holder] = await db
    .select({ userId: passwordTokens.userId })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(validToken(token), eq(users.active, true)));
  if (!holder) {
    await recordFailure([key]);
    throw linkInvalid();
  }
  const passwordHash = await hashPassword(password);
  let userId = '';
  const user = await db.transaction(async (tx) => {
    // Checked again under the update: the link may have been spent while we hashed.
    const [spent] = await tx.update(passwordTokens).set({ usedAt: sql`now()` }).where(validToken(token)).returning({ userId: passwordTokens.userId });
    if (!spent) throw linkInvalid();
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(users.id, spent.userId), eq(users.active, true)))
      .returning({ email: users.email });
    if (!updated) throw new InvalidInputError('link_invalid', 'This account is deactivated.');
    await tx.delete(sessions).where(eq(sessions.userId, spent.userId));
    userId = spent.userId;
    return updated;
  });
  // Every session ended: their open live parts close too.
  announceRightsChanged({ userId });
  const { pair, known } = loginKeys(user.email, address);
  await recordLoginSuccess(pair?.key ?? null, known);
  return { email: user.email, userId };
}
