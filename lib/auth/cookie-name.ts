import { getEnv } from '../env';

/*
 * The session cookie's name, apart from lib/auth/session-cookie.ts (which
 * needs `next/headers`): the live-editing server reads the cookie outside
 * Next (server/collab.ts), in a bundle where Next's request scope does not exist.
 */

/** Whether session cookies are `Secure` (and `__Secure-` named): when the app is served over https. */
export function secureCookies(): boolean {
  return getEnv().APP_URL.startsWith('https:');
}

/** next-auth's session cookie name for that setting; lib/auth/options.ts sets the same setting. */
export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}
