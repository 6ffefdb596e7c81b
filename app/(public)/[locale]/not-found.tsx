import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function PublicNotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="card card--narrow">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <Link href="/profiles">{(await getTranslations('public'))('backToList')}</Link>
    </div>
  );
}
