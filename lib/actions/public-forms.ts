'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { clientAddress } from '../auth/client-address';
import { getActor } from '../auth/current-actor';
import { startSessionCookie } from '../auth/session-cookie';
import { DataError } from '../data/errors';
import { consumePasswordToken } from '../data/password-tokens';
import { setUserLocale } from '../data/users';
import { setPasswordSchema } from '../domain/admin-schemas';
import { isLocale, localeCookieName } from '../domain/locales';
import { safeCallbackPath } from '../domain/safe-redirect';
import { describeError, fieldErrorsOf, type ActionState } from './safe-action';

/*
 * The two actions a person without a session may call. They get no actor from
 * the wrapper on purpose: the locale is a preference, and the set-password
 * link is its own credential.
 */

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookieName, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
  });
  const actor = await getActor();
  if (actor) await setUserLocale(actor, locale);
  // Without JavaScript (the Apply button's form carries `reload`): the answer to this POST would be
  // rendered with the old cookie, so the page seemed not to change. Back to it, read anew.
  if (formData.get('reload') === '1') {
    const referer = (await headers()).get('referer');
    let back = '/';
    try {
      const from = referer ? new URL(referer) : null;
      back = from ? safeCallbackPath(`${from.pathname}${from.search}`) : '/';
    } catch {
      /* a malformed referer: the home page */
    }
    redirect(back);
  }
}

export async function setPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations();
  const parsed = setPasswordSchema.safeParse({
    token: formData.get('token'),
    password: formData.get('password'),
    confirm: formData.get('confirm'),
  });
  if (!parsed.success) {
    return { ok: false, message: t('errors.check_fields'), fieldErrors: fieldErrorsOf(t, parsed.error) };
  }
  try {
    const requestHeaders = await headers();
    const { userId } = await consumePasswordToken(parsed.data.token, parsed.data.password, clientAddress(requestHeaders));
    // The link proved who they are, as a password would: they are signed in here, as the login form does
    // it (every other session of theirs ended when the password changed).
    await startSessionCookie(userId, requestHeaders.get('user-agent'));
  } catch (error) {
    if (error instanceof DataError) return { ok: false, message: describeError(t, error, await getLocale()) };
    throw error;
  }
  // A page of its own: the set-password page, refreshed with the new cookie, would find its link spent.
  redirect('/set-password/done');
}
