import { getLocale, getTranslations } from 'next-intl/server';
import { editionOfProfile } from '@/lib/data/editions';
import { editionHref, editionLabel } from '@/lib/domain/edition-label';
import type { Actor } from '@/lib/policy';

/** On a published profile: which edition it became, with a link to its public page. */
export async function PublishedAs({ actor, id }: { actor: Actor; id: string }) {
  const edition = await editionOfProfile(actor, id);
  if (!edition) return null;
  const t = await getTranslations('workflow');
  const label = editionLabel(edition.year, edition.month, await getLocale());
  const href = editionHref(edition.slug, edition);
  return (
    <p className="notice notice--ok" data-testid="published-as">
      {t('publishedAs', { label })} <a href={href}>{t('viewEdition')}</a>
    </p>
  );
}
