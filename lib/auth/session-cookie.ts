import 'server-only';
import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { createSession } from '../data/sessions';
import { applyAccountLocale } from './account-locale';
import { getEnv, requireAuthSecret } from '../env';
import { secureCookies, sessionCookieName } from './cookie-name';

export { secureCookies, sessionCookieName };

/**
 * Starts a session for a user who has just proven who they are, from the login
 * form's server action: the same cookie next-auth's credentials endpoint sets
 * (a JWT carrying only our session row's id), so every reader of sessions
 * (lib/auth/current-actor.ts) treats both alike.
 */
export async function startSessionCookie(userId: string, userAgent: string | null): Promise<void> {
  const env = getEnv();
  const maxAge = env.SESSION_MAX_HOURS * 3600;
  const sid = await createSession(userId, userAgent);
  const value = await encode({ token: { sub: userId, sid }, secret: requireAuthSecret(env), maxAge });
  (await cookies()).set(sessionCookieName(), value, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge });
  await applyAccountLocale(userId);
}
