import 'server-only';
import { cookies } from 'next/headers';
import { storedLocale } from '../data/users';
import { localeCookieName } from '../domain/locales';

/**
 * At login, a browser that has no language of its own chosen (no locale cookie:
 * a new device, a cleared browser) takes the one the person chose before, or
 * was invited in, as their emails do, rather than its Accept-Language. A choice
 * made in this browser (the header's list, on the login page too) stands.
 * Choosing in the header while signed in stores it for the account as well
 * (setLocaleAction). For both ways in: the login form's action and next-auth's
 * credentials endpoint.
 */
export async function applyAccountLocale(userId: string): Promise<void> {
  const jar = await cookies();
  if (jar.has(localeCookieName)) return;
  const locale = await storedLocale(userId);
  if (locale) jar.set(localeCookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
