import type { Env } from '../../lib/env';

/** Tests wipe and fill their database: refuse anything but a local server. */
export function assertLocalDatabase(env: Pick<Env, 'DATABASE_URL'>) {
  if (!env.DATABASE_URL) return;
  const host = new URL(env.DATABASE_URL).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}
