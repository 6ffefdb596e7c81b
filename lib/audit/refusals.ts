import 'server-only';
import type { Actor } from '../policy';

/**
 * One line per refused attempt, on the server's error output: who, what, and
 * why, as JSON so that log tools can count them. A refusal is an answer the
 * policy gave (not logged in, not found, not allowed, wrong origin), not a
 * typing mistake in a request.
 */
export function logRefusal(entry: { via: 'api' | 'action' | 'live'; actor: Actor | null; what: string; code: string; status: number }) {
  console.warn(
    JSON.stringify({
      event: 'refused',
      at: new Date().toISOString(),
      via: entry.via,
      user: entry.actor?.userId ?? null,
      email: entry.actor?.email ?? null,
      what: entry.what,
      code: entry.code,
      status: entry.status,
    }),
  );
}

/** Statuses that mean the policy said no. */
export const isRefusal = (status: number) => status === 401 || status === 403 || status === 404;
