import { databaseOutageKnown, setDatabaseOutage } from '../lib/http/database-outage-state';
import { getHandle } from './client';
import { databaseIsDown } from './database-probe';

/** How often the database is asked whether it is back, once it is known to be away. */
export const RECOVERY_PROBE_MS = 3000;
const CHECKING = Symbol.for('mgi.databaseOutageCheck');
type Holder = { [CHECKING]?: boolean };

/**
 * Called after a request failed with a server error (instrumentation.ts,
 * onRequestError). If the database does not answer a trivial query, the
 * instance is marked as in an outage: from then on proxy.ts answers pages with
 * 503 and Retry-After without rendering them, and one probe every few seconds
 * (not one per request) finds out when the database is back. The embedded
 * database runs in this process and cannot be away; there a slow answer means a
 * busy event loop, which must not shut every page for seconds.
 */
export async function noteServerError(): Promise<void> {
  const holder = globalThis as Holder;
  if (databaseOutageKnown() || holder[CHECKING]) return;
  holder[CHECKING] = true;
  try {
    const handle = await getHandle().catch(() => null); // PostgreSQL that cannot be reached at all
    if (handle?.kind === 'pglite') return;
    if (!(await databaseIsDown())) return;
    setDatabaseOutage(true);
    const probe = () =>
      setTimeout(async () => {
        if (await databaseIsDown().catch(() => true)) probe();
        else setDatabaseOutage(false);
      }, RECOVERY_PROBE_MS).unref();
    probe();
  } finally {
    holder[CHECKING] = false;
  }
}
