import type { EditionSummary, EditionView } from '../data/editions';
import { editionLabel, editionSlug } from '../domain/edition';
import type { Locale } from '../domain/locales';

/*
 * Fields are only ever added here: clients rely on the existing ones. `edition`
 * stays the month ("2024-06", whose URL shows the newest version); `version`
 * and `versionEdition` ("2024-06-v2") name the exact version.
 */
export function presentEditionSummary(e: EditionSummary, locale: string, languages?: readonly Locale[]) {
  return {
    jurisdiction: e.slug,
    edition: editionSlug(e.year, e.month),
    label: editionLabel(e.year, e.month, locale),
    language: e.language,
    title: e.title,
    name: e.jurisdiction.name,
    level: e.jurisdiction.level,
    country: e.jurisdiction.country,
    publishedAt: e.publishedAt.toISOString(),
    url: `/api/v1/editions/${e.slug}/${editionSlug(e.year, e.month)}?lang=${e.language}`,
    /** 1 as first published, 2 for its first correction… */
    version: e.version,
    versionEdition: editionSlug(e.year, e.month, e.version),
    /** Whether this version corrects an earlier one of the same month. */
    corrected: e.version > 1,
    /** Every language this month's edition is published in (a source and its translations), this one included. */
    languages: languages && languages.length > 0 ? [...languages] : [e.language],
  };
}

type Version = EditionSummary & { note: string | null };

/** One edition, with every version of its month (original first) and, for a correction, its note. */
export function presentEdition(e: EditionView, locale: string, versions: Version[] = [], languages?: readonly Locale[]) {
  const newest = versions[versions.length - 1];
  return {
    ...presentEditionSummary(e, locale, languages),
    content: e.content,
    signOff: e.signOff,
    note: e.note,
    /** Set when a later version of this month replaced this one: the month's URL now shows that. */
    correctedBy: newest && newest.version > e.version ? editionSlug(newest.year, newest.month, newest.version) : null,
    versions: versions.map((v) => ({
      version: v.version,
      edition: editionSlug(v.year, v.month, v.version),
      publishedAt: v.publishedAt.toISOString(),
      correctionNote: v.version > 1 ? v.note : null,
      url: `/api/v1/editions/${v.slug}/${editionSlug(v.year, v.month, v.version)}?lang=${v.language}`,
    })),
  };
}
