import { locales, type Locale } from './locales';
import type { PartKey, SectionKey } from './profile';

/**
 * Staleness of a translation's parts. Each translated part records the
 * revision of the source part it was made from (or last marked up to date
 * with); the source's revision here is its last *saved text* (the newest
 * part_revisions row, 0 for the text it started with), so a comment mark,
 * which changes no words, does not flag translations.
 */
export interface TranslatedPart {
  section: SectionKey | string;
  part: PartKey | string;
  /** Null outside translations. */
  sourceRevision: number | null;
}

export interface SourcePart {
  section: SectionKey | string;
  part: PartKey | string;
  /** The source part's current text revision. */
  textRevision: number;
}

/**
 * A translated part is stale when the source part's text has moved on from
 * the revision it recorded. A part of no translation, or whose source part is
 * unknown, is never stale: there is nothing to compare with.
 */
export function isStale(recorded: number | null, sourceCurrent: number | undefined): boolean {
  if (recorded === null || sourceCurrent === undefined) return false;
  return sourceCurrent !== recorded;
}

/** What "mark up to date" records: the source part's current revision. */
export function markedUpToDate(sourceCurrent: number): number {
  return sourceCurrent;
}

const key = (p: { section: string; part: string }) => `${p.section}/${p.part}`;

/** Each translated part with its staleness, in the order given. */
export function withStaleness<T extends TranslatedPart>(parts: readonly T[], source: readonly SourcePart[]): Array<T & { stale: boolean }> {
  const current = new Map(source.map((s) => [key(s), s.textRevision]));
  return parts.map((p) => ({ ...p, stale: isStale(p.sourceRevision, current.get(key(p))) }));
}

/** The stale parts, as `section/part`, in the order given. */
export function staleSlots(parts: readonly TranslatedPart[], source: readonly SourcePart[]): string[] {
  return withStaleness(parts, source)
    .filter((p) => p.stale)
    .map(key);
}

/** How many stale parts each section has (sections with none are left out). */
export function staleCountBySection(parts: readonly TranslatedPart[], source: readonly SourcePart[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of withStaleness(parts, source)) if (p.stale) counts[p.section] = (counts[p.section] ?? 0) + 1;
  return counts;
}

/** The languages a profile in `language` can be translated into. */
export function translationLanguages(language: Locale): Locale[] {
  return locales.filter((l) => l !== language);
}
