import { editionSlug } from '../domain/edition';

/**
 * The public address of one edition, as printed in its PDF: dated, and naming
 * its content language, so that it keeps naming this very edition even if the
 * jurisdiction later gets an edition in another language the same month.
 * `base` is APP_URL, which may carry a path (a site served under /mgi).
 */
export function editionPublicUrl(base: string, edition: { slug: string; year: number; month: number; language: string; version?: number }) {
  // A correction names its version: the month's address follows later corrections.
  const version = edition.version && edition.version > 1 ? edition.version : undefined;
  return `${base.replace(/\/+$/, '')}/profiles/${edition.slug}/${editionSlug(edition.year, edition.month, version)}?lang=${edition.language}`;
}
