import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImportFiles } from '@/components/admin/import-files';
import { requireAbility } from '@/lib/auth/require-admin';
import { countryOptions } from '@/lib/domain/countries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('import'))('title') };
}

export default async function AdminImportPage() {
  // The page shows nothing to non-admins; each file's action checks the actor again.
  await requireAbility('import_editions', '/admin/import');
  const t = await getTranslations('import');
  return (
    <section className="card stack" aria-labelledby="import-title">
      <h1 id="import-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ImportFiles countries={countryOptions(await getLocale())} />
    </section>
  );
}
