'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { clientAddress } from '../auth/client-address';
import { startSessionCookie } from '../auth/session-cookie';
import { verifyPasswordLogin } from '../data/login';
import { safeCallbackPath } from '../domain/safe-redirect';

export type LoginState = { message: string; email: string } | null;

/**
 * The login form's action: a POST whether or not the page's script has loaded,
 * so the password never travels in a URL. It needs no actor (the person has
 * none yet); Next refuses it from another site's page (Origin), which stops
 * login CSRF. Throttling and the answers are those of next-auth's credentials
 * endpoint, which goes through the same verifyPasswordLogin.
 */
export async function loginAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const t = await getTranslations('login');
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const email = field('email').slice(0, 320);
  const requestHeaders = await headers();
  const result = await verifyPasswordLogin(email, field('password'), clientAddress(requestHeaders));
  if (!result.ok) {
    const message =
      result.reason === 'throttled' ? t('throttled', { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) : t('invalid');
    return { message, email };
  }
  await startSessionCookie(result.user.id, requestHeaders.get('user-agent'));
  redirect(safeCallbackPath(field('callbackUrl')));
}
