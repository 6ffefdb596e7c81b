import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getEdition, listEditions, listEditionVersions, listPublishedJurisdictions, type PublicJurisdictionFilter } from '../data/editions';
import type { Locale } from '../domain/locales';
import { renderEditionParts } from './rendered-edition';

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
