import { editionHref } from '../edition-label';
import { passageAnchor } from './passages';

export interface HitPlace {
  slug: string;
  editionId: string | null;
  assessmentId: string | null;
  language: string;
  year: number | null;
  month: number | null;
  version: number | null;
  section: string;
  part: string;
  ordinal: number;
}

/**
 * Where a passage is read: its paragraph on the edition's public page (the
 * version the index holds, in its content language), or, for a draft, the
 * profile's section page, which checks the reader's rights itself.
 */
export function hitHref(hit: HitPlace): string {
  if (hit.editionId && hit.year !== null && hit.month !== null) {
    return `${editionHref(hit.slug, { year: hit.year, month: hit.month, version: hit.version ?? 1, language: hit.language })}#${passageAnchor(hit.section, hit.part, hit.ordinal)}`;
  }
  return `/assessments/${hit.assessmentId}/sections/${hit.section}`;
}
