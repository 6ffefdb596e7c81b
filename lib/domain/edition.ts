import { Node as PMNode } from '@tiptap/pm/model';
import { profileSchema } from './editor/schema';
import type { Locale } from './locales';
import type { DomainKey } from './profile';

/** The frozen text of an edition: ProseMirror documents, comment marks removed. */
export interface FrozenProfile {
  introduction: unknown;
  domains: Record<DomainKey, { strengths: unknown; potential: unknown }>;
}

export interface FrozenJurisdiction {
  name: string;
  level: 'country' | 'state' | 'municipality';
  country: string;
}

/** Who carried the profile to publication. */
export interface SignOff {
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedBy: string | null;
  publishedAt: string;
  resolvedComments: number;
  /** For imported editions: the file it came from. */
  importedFrom?: string;
}

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

/** The edition's segment in URLs: "2024-06". */
export function editionSlug(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function parseEditionSlug(slug: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(slug);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

/**
 * Removes comment marks: review comments are not part of what is published.
 * ProseMirror then rejoins the text the marks had split.
 */
export function stripCommentMarks<T>(doc: T): T {
  if (doc === null || doc === undefined) return doc;
  return PMNode.fromJSON(profileSchema(), withoutCommentMarks(doc)).toJSON() as T;
}

function withoutCommentMarks<T>(doc: T): T {
  const visit = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const { marks, content, ...rest } = node as { marks?: Array<{ type: string }>; content?: unknown[] };
    const kept = marks?.filter((m) => m.type !== 'comment');
    return {
      ...rest,
      ...(kept && kept.length > 0 ? { marks: kept } : {}),
      ...(content ? { content: content.map(visit) } : {}),
    };
  };
  return visit(doc) as T;
}
