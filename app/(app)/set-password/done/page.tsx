import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/current-actor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('setPassword'))('doneTitle') };
}

/** Where setting a password from a link ends (lib/actions/public-forms.ts): signed in, with the way on. */
export default async function PasswordSet() {
  await requireActor('/');
  const t = await getTranslations('setPassword');
  return (
    <div className="card card--narrow stack">
      <h1>{t('doneTitle')}</h1>
      <p className="notice notice--ok" role="status">
        {t('done')}
      </p>
      <p>
        <Link className="button" href="/">
          {t('continue')}
        </Link>
      </p>
    </div>
  );
}
