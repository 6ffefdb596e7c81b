import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/domain/locales';
import { domainKeys, domainName } from '@/lib/domain/profile';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'domains' });
  return { title: t('indexTitle'), description: t('indexIntro') };
}

export const dynamic = 'force-dynamic';

/** The six domains, each a link to its page across jurisdictions. No data: the names come from the code. */
export default async function DomainsIndex({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('domains');
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('indexTitle')}</h1>
          <p>{t('indexIntro')}</p>
        </div>
      </div>
      <ol className="profile-cards" data-testid="domain-index">
        {domainKeys.map((key) => (
          <li key={key} className="card profile-card">
            <h2>
              <Link href={`/domains/${key}`}>{domainName(key, locale)}</Link>
            </h2>
          </li>
        ))}
      </ol>
    </div>
  );
}
