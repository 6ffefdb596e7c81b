import 'server-only';
import { and, inArray, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { loginThrottle } from '../../db/schema';
import { throttleAddress } from './throttle-address';

/*
 * Login throttling, shared by every instance through the database. The rule:
 *
 * - One account from one address (`pair:`): 10 failures in 15 minutes, then
 *   that address waits until the window ends before trying that account again.
 * - One address (`ip:`, IPv6 by /64): 50 failures in 15 minutes on any
 *   accounts, then it waits likewise, except for accounts that have logged in
 *   from it before (an office behind one NAT address is not held back by one
 *   guesser among them).
 * - One account from everywhere (`account:`): no block, a growing delay. After
 *   10 failures in a row (each within 15 minutes of the last), each next try
 *   must wait 30 s, 1, 2, 4, 8 minutes, then 15, after the latest failure.
 *   Addresses the account has logged in from in the last 30 days (`known:`)
 *   skip this delay.
 *
 * So a stranger guessing from many addresses gets about one try per 15
 * minutes per account, and cannot keep the real person out: from an address
 * they used before, only their own failures count against them.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_PAIR = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_FIRST_DELAY_SECONDS = 30;
export const ACCOUNT_MAX_DELAY_SECONDS = 15 * 60;
export const KNOWN_ADDRESS_DAYS = 30;
/** Set-password attempts with a bad link, per address and window (lib/data/password-tokens.ts). */
export const MAX_SET_PASSWORD_FAILURES = 20;

type Rule = 'window' | 'growing';
export interface ThrottleKey {
  key: string;
  rule: Rule;
  limit: number;
}

/** The delay an account imposes after `failures` failures in a row (0 while under the free allowance). */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_SECONDS, ACCOUNT_FIRST_DELAY_SECONDS * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

export function loginKeys(email: string, address: string | null) {
  const where = throttleAddress(address);
  const account: ThrottleKey = { key: `account:${email}`, rule: 'growing', limit: ACCOUNT_FREE_FAILURES };
  if (!where) return { account, pair: null, ip: null, known: null };
  return {
    account,
    pair: { key: `pair:${email}|${where}`, rule: 'window', limit: MAX_FAILURES_PER_PAIR } satisfies ThrottleKey,
    ip: { key: `ip:${where}`, rule: 'window', limit: MAX_FAILURES_PER_ADDRESS } satisfies ThrottleKey,
    known: `known:${email}|${where}`,
  };
}

export function setPasswordKey(address: string | null): ThrottleKey {
  // Without a known address every attempt shares one counter: slower for all, never open.
  return { key: `setpw:${throttleAddress(address) ?? 'unknown'}`, rule: 'window', limit: MAX_SET_PASSWORD_FAILURES };
}

/** Seconds until an attempt for these keys may be made, or 0 when allowed now. */
export async function secondsUntilAllowed(keys: ReadonlyArray<ThrottleKey>): Promise<number> {
  if (keys.length === 0) return 0;
  const db = await getDb();
  const rows = await db
    .select({
      key: loginThrottle.key,
      failures: loginThrottle.failures,
      windowLeft: sql<number>`extract(epoch from (${loginThrottle.windowStart} + make_interval(mins => ${THROTTLE_WINDOW_MINUTES}) - now()))::float8`,
      sinceFailure: sql<number>`extract(epoch from (now() - ${loginThrottle.lastFailureAt}))::float8`,
    })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys.map((k) => k.key)));
  let wait = 0;
  for (const row of rows) {
    const key = keys.find((k) => k.key === row.key);
    if (!key) continue;
    if (key.rule === 'window') {
      if (row.failures >= key.limit && row.windowLeft > 0) wait = Math.max(wait, Math.ceil(row.windowLeft));
    } else if (row.sinceFailure < THROTTLE_WINDOW_MINUTES * 60) {
      // Under the free allowance there is no delay at all. A failure stamped by a concurrent
      // attempt whose transaction began after this one's clock reads as "in the future": it is
      // 0 s ago, not a reason to wait (parallel attempts were turned away uncounted).
      const delay = accountDelaySeconds(row.failures);
      if (delay > 0) wait = Math.max(wait, Math.ceil(delay - Math.max(0, row.sinceFailure)));
    }
  }
  return Math.max(0, wait);
}

/** Whether this account logged in from this address within KNOWN_ADDRESS_DAYS. */
export async function isKnownAddress(knownKey: string | null): Promise<boolean> {
  if (!knownKey) return false;
  const db = await getDb();
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, [knownKey]), sql`${loginThrottle.windowStart} > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`));
  return rows.length > 0;
}

/**
 * Counts one failure against every key. A window key starts a new window where
 * the old one ended; an account's run of failures ends after a quiet window.
 */
export async function recordFailure(keys: ReadonlyArray<ThrottleKey>): Promise<void> {
  const db = await getDb();
  for (const { key, rule } of keys) {
    const stale =
      rule === 'window'
        ? sql`${loginThrottle.windowStart} <= now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`
        : sql`${loginThrottle.lastFailureAt} <= now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`CASE WHEN ${stale} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStart: sql`CASE WHEN ${stale} THEN now() ELSE ${loginThrottle.windowStart} END`,
          lastFailureAt: sql`now()`,
        },
      });
  }
}

/**
 * A successful login from an address: that account-and-address pair starts
 * afresh and is remembered as the account's own. The account's run of failures
 * is left alone, or a guesser would get a fresh allowance each time the real
 * person logs in.
 */
export async function recordLoginSuccess(pairKey: string | null, knownKey: string | null): Promise<void> {
  if (!pairKey || !knownKey) return;
  const db = await getDb();
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [pairKey]));
  await db
    .insert(loginThrottle)
    .values({ key: knownKey, failures: 0 })
    .onConflictDoUpdate({ target: loginThrottle.key, set: { windowStart: sql`now()` } });
}
