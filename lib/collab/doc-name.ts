import { z } from 'zod';
import { isSlot, type PartKey, type SectionKey } from '../domain/profile';

/** The live document of one part is named `{assessmentId}/{section}/{part}`. */
export function collabDocName(ref: { assessmentId: string; section: string; part: string }): string {
  return `${ref.assessmentId}/${ref.section}/${ref.part}`;
}

/** The part a document name stands for, or null for a name that is not one (refused like a stranger). */
export function parseCollabDocName(name: string): { assessmentId: string; section: SectionKey; part: PartKey } | null {
  const [assessmentId, section, part, ...rest] = name.split('/');
  if (rest.length > 0 || !assessmentId || !section || !part) return null;
  if (!z.uuid().safeParse(assessmentId).success || !isSlot(section, part)) return null;
  return { assessmentId, section: section as SectionKey, part: part as PartKey };
}

/** The stateless message an editor sends to have its part stored at once; answered with `{"stored": revision}`. */
export const STORE_NOW = 'store-now';
