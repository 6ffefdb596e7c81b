import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getEdition, listEditions, listEditionVersions, listPublishedJurisdictions, type PublicJurisdictionFilter } from '../data/editions';
import type { Locale } from '../domain/locales';
import { renderEditionParts } from './rendered-edition';
import { listDomainComparison, listDomainFilterChoices } from '../data/domain-comparison';
import { COLUMNS_PER_PAGE, type DomainFilter } from '../domain/domain-filter';
import type { DomainKey } from '../domain/profile';
import { renderDocHtml } from '../domain/editor/render-html';
import { isRenderableWindow } from '../http/window-nonce';

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

export async function cachedPublishedJurisdictions(filter: PublicJurisdictionFilter) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  return listPublishedJurisdictions(filter);
}

/** Thrown, not cached: a window's data are made during that window only (isRenderableWindow). */
function refuseOtherWindows(renderWindow: number) {
  if (!isRenderableWindow(renderWindow, Date.now())) throw new Error(`Window ${String(renderWindow)} is not the current one.`);
}

/** The unfiltered index of published profiles as of a cache window (like cachedEditionPage). */
export async function cachedProfilesIndex(renderWindow: number) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  refuseOtherWindows(renderWindow);
  return { renderWindow, ...(await listPublishedJurisdictions({})) };
}

/**
 * All an edition page shows (lib/http/window-nonce.ts, README Serving), as
 * of its cache window: the window is part of the key, so the one rendering of
 * each window reads the database afresh rather than an entry made up to
 * PUBLIC_DATA_SECONDS earlier, and a new edition shows on every instance by the
 * next window. One entry, so the edition, its list and its notices agree.
 */
export async function cachedEditionPage(slug: string, when: { year: number; month: number; version?: number } | 'latest', language: Locale | undefined, renderWindow: number) {
  'use cache';
  cacheTag(EDITIONS_TAG);
  cacheLife(life);
  refuseOtherWindows(renderWindow);
  const [edition, all, published] = await Promise.all([getEdition(slug, when, language), listEditions({ jurisdiction: slug }), listPublishedJurisdictions({})]);
  if (!edition) return null;
  const versions = await listEditionVersions(slug, edition, edition.language);
  return { renderWindow, edition, parts: renderEditionParts(edition.content), all, published, versions };
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
