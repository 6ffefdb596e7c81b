import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { users } from '../../db/schema';
import { PASSWORD_MAX } from '../domain/password-policy';
import { isKnownAddress, loginKeys, recordFailure, recordLoginSuccess, secondsUntilAllowed, type ThrottleKey } from './login-throttle';
import { burnPasswordCheck, verifyPassword } from './passwords';

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown email, wrong password, inactive user
 * and a user without a password all answer `invalid_credentials`, after the
 * same amount of work, so that the answer does not reveal who has an account.
 * `address` is the client's (lib/auth/client-address.ts); the throttling rule
 * is in lib/data/login-throttle.ts.
 */
export async function verifyPasswordLogin(
  rawEmail: string,
  password: string,
  address: string | null,
): Promise<LoginResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 320);
  const { account, pair, ip, known } = loginKeys(email, address);
  // From an address this account logged in from before, neither the account's
  // delay nor other people's failures from that address hold the person back.
  const applying: ThrottleKey[] = (await isKnownAddress(known)) ? [pair!] : [account, ...(pair ? [pair, ip!] : [])];
  const wait = await secondsUntilAllowed(applying);
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
    await recordFailure([account, ...(pair ? [pair, ip!] : [])]);
    return { ok: false, reason: 'invalid_credentials' };
  }
  await recordLoginSuccess(pair?.key ?? null, known);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
