import type { Locale } from './locales';

/*
 * Labels and URL segments of editions. Kept apart from edition.ts, which
 * needs ProseMirror: client components import this without it.
 */

/**
 * An edition's label: the year, a space, and the month's name in the reader's
 * interface language with a capital first letter ("2024 Juin", "2022 Août",
 * "2024 August", "2024 Junio"). Month names come from the platform's Intl
 * data; the standalone form, as a month named alone (Catalan, Russian… differ).
 */
export function editionLabel(year: number, month: number, locale: Locale | string): string {
  const date = new Date(Date.UTC(year, month - 1, 15));
  const name = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
    .formatToParts(date)
    .find((p) => p.type === 'month')!.value;
  return `${year} ${name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)}`;
}

/**
 * The edition's segment in URLs: "2024-06" names the month's edition as it
 * stands now (its newest version, corrections included); "2024-06-v1" names
 * one version for good (v1 the original, v2 its first correction…).
 */
export function editionSlug(year: number, month: number, version?: number): string {
  return `${year}-${String(month).padStart(2, '0')}${version ? `-v${version}` : ''}`;
}

/** Matches what `editionSlug` makes: the month, and the version when one is named. */
export const EDITION_SLUG_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])(?:-v([1-9]\d{0,3}))?$/;

export function parseEditionSlug(slug: string): { year: number; month: number; version?: number } | null {
  const match = EDITION_SLUG_PATTERN.exec(slug);
  if (!match) return null;
  return match[3] ? { year: Number(match[1]), month: Number(match[2]), version: Number(match[3]) } : { year: Number(match[1]), month: Number(match[2]) };
}

/**
 * The public address of one published edition: a correction by its version
 * (so that it names exactly that text), an edition as first published by its
 * month; with its content language, in case the jurisdiction has several.
 */
export function editionHref(slug: string, e: { year: number; month: number; version: number; language: string }): string {
  return `/profiles/${slug}/${editionSlug(e.year, e.month, e.version > 1 ? e.version : undefined)}?lang=${e.language}`;
}
