'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { loginAction, type LoginState } from '@/lib/actions/login';

/** An error next-auth's credentials endpoint sent back to /login (?error=…), in words. */
function describe(t: ReturnType<typeof useTranslations>, error: string): string {
  const throttled = /^throttled:(\d+)$/.exec(error);
  if (throttled) return t('throttled', { minutes: Math.max(1, Math.ceil(Number(throttled[1]) / 60)) });
  if (error === 'invalid_credentials' || error === 'CredentialsSignin') return t('invalid');
  return t('failed');
}

/**
 * A server action form: it posts (never a GET that would put the password in
 * the URL) and works before its script loads or without JavaScript at all.
 */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const t = useTranslations('login');
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, null);
  const error = state?.message ?? (initialError ? describe(t, initialError) : null);
  return (
    <form className="form" action={action} method="post" noValidate>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={state?.email} key={state ? 'again' : 'first'} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="button" type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
      <p className="small muted">{t('forgot')}</p>
    </form>
  );
}
