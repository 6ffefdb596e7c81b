import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getEdition, listEditions, listEditionVersions, listPublishedJurisdictions, type PublicJurisdictionFilter } from '../data/editions';
import type { Locale } from '../domain/locales';
import { renderEditionParts } from './rendered-edition';
import { listDomainComparison, listDomainFilterChoices } from '../data/domain-comparison';
import { COLUMNS_PER_PAGE, type DomainFilter } from '../domain/domain-filter';
import type { DomainKey } from '../domain/profile';
import { renderDocHtml } from '../domain/editor/render-html';

/*
 * The public pages' data, kept by Next's data cache ('use cache'), keyed by the
 * arguments only (never by a request's method, headers or cookies), and tagged
 * so that a publication on this instance drops it at once
 * (refresh-public-pages.ts). The cache is in each instance's memory; another
 * instance refetches an entry PUBLIC_DATA_SECONDS after it was made, so a new
 * edition shows everywhere within that time (README, Serving).
 */
export const EDITIONS_TAG = 'editions';
export const PUBLIC_DATA_SECONDS = 30;
const life = { stale: PUBLIC_DATA_SECONDS, revalidate: PUBLIC_DATA_SECONDS, expire: 600 };

export async function cachedEdition(slug: string, when: { year: number; month: number; version?: number } | 'latest', language?: Locale) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  return getEdition(slug, when, language);
}

export async function cachedEditionList(jurisdiction: string) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  return listEditions({ jurisdiction });
}

/** The versions of one month's edition (original and corrections), for the correction notices. */
export async function cachedEditionVersions(slug: string, when: { year: number; month: number }, language: Locale) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  return listEditionVersions(slug, when, language);
}

export async function cachedPublishedJurisdictions(filter: PublicJurisdictionFilter) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  return listPublishedJurisdictions(filter);
}

/** An edition's parts rendered to HTML, kept with its data: rendering them is most of its page's cost. */
export async function cachedEditionHtml(slug: string, when: { year: number; month: number; version?: number } | 'latest', language?: Locale) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  const edition = await getEdition(slug, when, language);
  return edition ? { id: edition.id, parts: renderEditionParts(edition.content) } : null;
}

/**
 * One domain across jurisdictions (the latest edition of each), its two parts
 * already rendered to HTML; `page` counts from 1 (COLUMNS_PER_PAGE columns).
 */
export async function cachedDomainComparison(domain: DomainKey, filter: DomainFilter, page: number) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  const { total, columns } = await listDomainComparison(domain, filter, { limit: COLUMNS_PER_PAGE, offset: (page - 1) * COLUMNS_PER_PAGE });
  const html = (doc: unknown) => (doc ? renderDocHtml(doc) : '');
  return {
    total,
    columns: columns.map(({ strengths, potential, ...rest }) => ({ ...rest, strengths: html(strengths), potential: html(potential) })),
  };
}

export async function cachedDomainFilterChoices() {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  return listDomainFilterChoices();
}
