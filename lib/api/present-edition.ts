import type { EditionSummary, EditionView } from '../data/editions';
import { editionLabel, editionSlug } from '../domain/edition';

export function presentEditionSummary(e: EditionSummary, locale: string) {
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
  };
}

export function presentEdition(e: EditionView, locale: string) {
  return { ...presentEditionSummary(e, locale), content: e.content, signOff: e.signOff, note: e.note };
}
