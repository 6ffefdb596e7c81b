import { Node as PMNode } from '@tiptap/pm/model';
import { profileSchema } from './editor/schema';
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

export interface SuggestionTally {
  section: string;
  accepted: number;
  rejected: number;
  /** Who decided them, by name, in the order they first decided. */
  decidedBy: string[];
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
  /**
   * Per domain (or the introduction), how many suggested changes were accepted
   * and rejected, and by whom. Absent in editions published before it was recorded.
   */
  suggestions?: SuggestionTally[];
  /** For imported editions: the file it came from. */
  importedFrom?: string;
}

export { editionLabel, editionSlug, parseEditionSlug } from './edition-label';

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
