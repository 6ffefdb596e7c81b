import { z } from 'zod';
import { isSlot, type PartKey, type SectionKey } from '../domain/profile';

export { collabDocName, SNAPSHOT_PLEASE, STORE_NOW } from './protocol';

/** The part a document name stands for, or null for a name that is not one (refused like a stranger). */
export function parseCollabDocName(name: string): { assessmentId: string; section: SectionKey; part: PartKey } | null {
  const [assessmentId, section, part, ...rest] = name.split('/');
  if (rest.length > 0 || !assessmentId || !section || !part) return null;
  if (!z.uuid().safeParse(assessmentId).success || !isSlot(section, part)) return null;
  return { assessmentId, section: section as SectionKey, part: part as PartKey };
}
