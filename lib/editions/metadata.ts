import 'server-only';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { cachedEdition } from './public-data';
import { editionLabel, editionSlug } from '../domain/edition';
import type { Locale } from '../domain/locales';

/** Title, description and Open Graph tags of an edition's page. */
export async function editionMetadata(slug: string, when: { year: number; month: number; version?: number } | 'latest', lang?: Locale): Promise<Metadata> {
  const edition = await cachedEdition(slug, when, lang);
  if (!edition) return {};
  const t = await getTranslations('public');
  const label = editionLabel(edition.year, edition.month, await getLocale());
  const title = `${edition.title} · ${label}`;
  const description = t('description', { title: edition.title, label });
  return {
    title,
    description,
    // One version of a corrected edition is its own page; otherwise the month's URL is the edition's.
    alternates: { canonical: `/profiles/${slug}/${editionSlug(edition.year, edition.month, when !== 'latest' ? when.version : undefined)}` },
    openGraph: { title, description, type: 'article', locale: edition.language, publishedTime: edition.publishedAt.toISOString() },
  };
}
