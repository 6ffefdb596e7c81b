'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { safeCallbackPath } from '@/lib/domain/safe-redirect';

function describe(t: ReturnType<typeof useTranslations>, error: string): string {
  const throttled = /^throttled:(\d+)$/.exec(error);
  if (throttled) return t('throttled', { minutes: Math.max(1, Math.ceil(Number(throttled[1]) / 60)) });
  if (error === 'invalid_credentials' || error === 'CredentialsSignin') return t('invalid');
  return t('failed');
}

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const t = useTranslations('login');
  const [error, setError] = useState<string | null>(initialError ? describe(t, initialError) : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      callbackUrl,
    }).catch(() => null);
    if (!result || result.error || !result.ok) {
      setBusy(false);
      setError(describe(t, result?.error ?? 'failed'));
      return;
    }
    // A full navigation, so that the header and every server component see the new session.
    window.location.assign(safeCallbackPath(callbackUrl));
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="button" type="submit" disabled={busy} aria-busy={busy}>
        {busy ? t('submitting') : t('submit')}
      </button>
      <p className="small muted">{t('forgot')}</p>
    </form>
  );
}
