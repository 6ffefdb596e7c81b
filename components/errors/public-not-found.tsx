import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** What a public page says when what it names does not exist (the public segment's not-found.tsx, and NotFoundInPlace). */
export async function PublicNotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="card card--narrow">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <Link href="/profiles">{(await getTranslations('public'))('backToList')}</Link>
    </div>
  );
}
