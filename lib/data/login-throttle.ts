import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { loginThrottle } from '../../db/schema';

/**
 * Failed logins are counted per account and per client address in fixed
 * 15-minute windows. Past the limit, logins for that key wait until the window
 * ends: a stranger can delay a real user by at most one window, never lock
 * them out for good, and a password guesser gets 10 tries per 15 minutes.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
// An office behind one NAT address logs in from one IP: allow more there.
export const MAX_FAILURES_PER_ADDRESS = 50;

export function throttleKeys(email: string, address: string | null) {
  const keys = [{ key: `account:${email}`, limit: MAX_FAILURES_PER_ACCOUNT }];
  if (address) keys.push({ key: `ip:${address}`, limit: MAX_FAILURES_PER_ADDRESS });
  return keys;
}

/** Seconds until a login for these keys may be tried again, or 0 when allowed now. */
export async function secondsUntilLoginAllowed(
  keys: ReadonlyArray<{ key: string; limit: number }>,
): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({
      key: loginThrottle.key,
      failures: loginThrottle.failures,
      remaining: sql<number>`greatest(0, ceil(extract(epoch from (${loginThrottle.windowStart} + make_interval(mins => ${THROTTLE_WINDOW_MINUTES}) - now()))))::int`,
    })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys.map((k) => k.key)));
  let wait = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? Infinity;
    if (row.failures >= limit && row.remaining > 0) wait = Math.max(wait, row.remaining);
  }
  return wait;
}

/** Counts one failure against every key, starting a new window where the old one ended. */
export async function recordLoginFailure(keys: ReadonlyArray<{ key: string }>): Promise<void> {
  const db = await getDb();
  const expired = sql`${loginThrottle.windowStart} <= now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  for (const { key } of keys) {
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStart: sql`CASE WHEN ${expired} THEN now() ELSE ${loginThrottle.windowStart} END`,
        },
      });
  }
}

/** A successful login clears its account's counter (not the address's). */
export async function clearLoginFailures(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}
