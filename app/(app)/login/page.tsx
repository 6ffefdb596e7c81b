import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { ClientIntl } from '@/components/intl/client-intl';
import { getActor } from '@/lib/auth/current-actor';
import { safeCallbackPath } from '@/lib/domain/safe-redirect';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getActor()) redirect(target);
  const t = await getTranslations('login');
  return (
    <div className="card card--narrow">
      <h1>{t('title')}</h1>
      <ClientIntl>
        <LoginForm callbackUrl={target} initialError={error ?? null} />
      </ClientIntl>
    </div>
  );
}
