import { getLocale, getTranslations } from 'next-intl/server';
import { editionOfProfile, listEditions } from '@/lib/data/editions';
import { editionHref, editionLabel } from '@/lib/domain/edition-label';
import type { Actor } from '@/lib/policy';

/** On a published profile: which edition it became, with a link to its public page. */
export async function PublishedAs({ actor, id }: { actor: Actor; id: string }) {
  const edition = await editionOfProfile(actor, id);
  if (!edition) return null;
  const t = await getTranslations('workflow');
  const label = editionLabel(edition.year, edition.month, await getLocale());
  const href = editionHref(edition.slug, edition);
  // The same month in other languages: the translations published with it.
  const p = await getTranslations('profiles');
  const others = (await listEditions({ jurisdiction: edition.slug }))
    .filter((e) => e.year === edition.year && e.month === edition.month && e.language !== edition.language)
    .map((e) => p(`languages.${e.language}`));
  return (
    <p className="notice notice--ok" data-testid="published-as">
      {edition.version > 1 ? t('publishedAsCorrection', { label, version: edition.version }) : t('publishedAs', { label })}
      {others.length > 0 && ` ${t('publishedWithTranslations', { languages: others.join(', ') })}`} <a href={href}>{t('viewEdition')}</a>
    </p>
  );
}
