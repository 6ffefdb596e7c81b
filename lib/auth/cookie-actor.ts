import 'server-only';
import { decode } from 'next-auth/jwt';
import { loadActor } from '../data/actor';
import { resolveSession } from '../data/sessions';
import { getEnv, requireAuthSecret } from '../env';
import type { Actor } from '../policy';
import { sessionCookieName } from './cookie-name';

/** One cookie's value from a `Cookie` header, or null. */
function cookieValue(header: string | null, name: string): string | null {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return null;
}

/**
 * The person behind a request's session cookie, read as lib/auth/current-actor.ts
 * reads it (the cookie names a session row, which must still be alive), for
 * requests that do not go through Next: the live-editing WebSocket handshake.
 * Returns the session id too, so a connection can check it again later.
 */
export async function actorFromCookies(cookieHeader: string | null): Promise<{ actor: Actor; sid: string } | null> {
  const token = cookieValue(cookieHeader, sessionCookieName());
  if (!token) return null;
  let sid: string | undefined;
  try {
    sid = (await decode({ token, secret: requireAuthSecret(getEnv()) }))?.sid;
  } catch {
    return null; // forged, expired or from another secret
  }
  if (!sid) return null;
  return actorFromSession(sid);
}

/** The actor of a session row that is still alive (not ended, idled out or deactivated). */
export async function actorFromSession(sid: string): Promise<{ actor: Actor; sid: string } | null> {
  const userId = await resolveSession(sid);
  const actor = userId ? await loadActor(userId, 'session') : null;
  return actor ? { actor, sid } : null;
}
