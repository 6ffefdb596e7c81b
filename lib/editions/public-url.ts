import { editionSlug } from '../domain/edition';

/**
 * The public address of one edition, as printed in its PDF: dated, and naming
 * its content language, so that it keeps naming this very edition even if the
 * jurisdiction later gets an edition in another language the same month.
 * `base` is APP_URL, which may carry a path (a site served under /mgi).
 */
export function editionPublicUrl(base: string, edition: { slug: string; year: number; month: number; language: string }) {
  return `${base.replace(/\/+$/, '')}/profiles/${edition.slug}/${editionSlug(edition.year, edition.month)}?lang=${edition.language}`;
}
