import 'server-only';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { cachedEditionPage } from './public-data';
import { languagesByMonth } from '../domain/edition-languages';
import { editionLabel, editionSlug } from '../domain/edition';
import type { Locale } from '../domain/locales';

/** Title, description and Open Graph tags of an edition's page, from the same data as the page (its window's). */
export async function editionMetadata(slug: string, when: { year: number; month: number; version?: number } | 'latest', lang: Locale | undefined, renderWindow: number): Promise<Metadata> {
  const data = await cachedEditionPage(slug, when, lang, renderWindow);
  // The page is then its 404 (components/errors/not-found-in-place.tsx), and its tab says so.
  if (!data) return { title: (await getTranslations('errors'))('notFoundTitle') };
  const { edition, all } = data;
  const t = await getTranslations('public');
  const label = editionLabel(edition.year, edition.month, await getLocale());
  const title = `${edition.title} · ${label}`;
  const description = t('description', { title: edition.title, label });
  // Each language of this edition has its own stable URL; hreflang links join them.
  const month = editionSlug(edition.year, edition.month);
  const languages = languagesByMonth(all)({ slug, year: edition.year, month: edition.month });
  const alternates = languages.length > 1 ? Object.fromEntries(languages.map((l) => [l, `/profiles/${slug}/${month}?lang=${l}`])) : undefined;
  return {
    title,
    description,
    // One version of a corrected edition is its own page; otherwise the month's URL is the edition's.
    alternates: { canonical: `/profiles/${slug}/${editionSlug(edition.year, edition.month, when !== 'latest' ? when.version : undefined)}${alternates ? `?lang=${edition.language}` : ''}`, ...(alternates ? { languages: alternates } : {}) },
    openGraph: { title, description, type: 'article', locale: edition.language, publishedTime: edition.publishedAt.toISOString() },
  };
}
