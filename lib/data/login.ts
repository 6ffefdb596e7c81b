import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { users } from '../../db/schema';
import { PASSWORD_MAX } from '../domain/password-policy';
import {
  clearLoginFailures,
  recordLoginFailure,
  secondsUntilLoginAllowed,
  throttleKeys,
} from './login-throttle';
import { burnPasswordCheck, verifyPassword } from './passwords';

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown email, wrong password, inactive user
 * and a user without a password all answer `invalid_credentials`, after the
 * same amount of work, so that the answer does not reveal who has an account.
 */
export async function verifyPasswordLogin(
  rawEmail: string,
  password: string,
  address: string | null,
): Promise<LoginResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 320);
  const keys = throttleKeys(email, address);
  const wait = await secondsUntilLoginAllowed(keys);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      active: users.active,
    })
    .from(users)
    .where(eq(users.email, email));

  const tooLong = password.length > PASSWORD_MAX;
  let ok = false;
  if (user?.passwordHash && !tooLong) {
    ok = await verifyPassword(user.passwordHash, password);
  } else {
    await burnPasswordCheck(password.slice(0, PASSWORD_MAX));
  }
  if (!ok || !user || !user.active) {
    await recordLoginFailure(keys);
    return { ok: false, reason: 'invalid_credentials' };
  }
  await clearLoginFailures(keys[0].key);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
