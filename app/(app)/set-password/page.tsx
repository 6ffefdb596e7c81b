import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SetPasswordForm } from '@/components/auth/set-password-form';
import { ClientIntl } from '@/components/intl/client-intl';
import { describePasswordToken } from '@/lib/data/password-tokens';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setPassword');
  return { title: t('title'), referrer: 'no-referrer' };
}

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations('setPassword');
  const holder = token ? await describePasswordToken(token) : null;
  return (
    <div className="card card--narrow">
      <h1>{t('title')}</h1>
      {holder && token ? (
        <>
          <p>{t('greeting', { name: holder.name, email: holder.email })}</p>
          <ClientIntl>
            <SetPasswordForm token={token} />
          </ClientIntl>
        </>
      ) : (
        <>
          <p className="notice notice--error" role="alert">
            {t('invalidLink')}
          </p>
          <Link href="/login">{t('goLogin')}</Link>
        </>
      )}
    </div>
  );
}
