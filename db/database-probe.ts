import { sql } from 'drizzle-orm';
import { getDb } from './client';

/**
 * Whether the database answers a trivial query within a second. Asked only
 * after a request failed with a server error, to tell "the database is away"
 * (503, try again) from a bug (500). The connection pool reconnects by
 * itself, and a database that could not be opened is opened again on the
 * next request, so the app recovers without a restart.
 */
export async function databaseIsDown(timeoutMs = 1000): Promise<boolean> {
  const probe = getDb().then((db) => db.execute(sql`select 1`));
  probe.catch(() => {}); // a late failure after the timeout is already answered
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, timeoutMs, 'timeout').unref());
  try {
    return (await Promise.race([probe, timeout])) === 'timeout';
  } catch {
    return true;
  }
}
