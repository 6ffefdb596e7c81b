import { hasRealText } from './editor/doc-text';
import { domainKeys, partsOf, type SectionKey } from './profile';

export interface PartSnapshot {
  section: string;
  part: string;
  doc: unknown;
  revision: number;
  updatedAt: Date | null;
  updatedByName: string | null;
}

export type Completeness = 'complete' | 'partial' | 'empty';

export interface SectionProgress {
  section: SectionKey;
  completeness: Completeness;
  lastChangedAt: Date | null;
  lastChangedBy: string | null;
}

/** Per section: complete when every part holds real text, and who changed it last. */
export function sectionProgress(parts: readonly PartSnapshot[]): SectionProgress[] {
  return (['introduction', ...domainKeys] as const).map((section) => {
    const mine = parts.filter((p) => p.section === section);
    const filled = partsOf(section).filter((part) => hasRealText(mine.find((p) => p.part === part)?.doc)).length;
    const latest = mine
      .filter((p) => p.updatedAt)
      .sort((a, b) => b.updatedAt!.getTime() - a.updatedAt!.getTime())[0];
    return {
      section,
      completeness: filled === partsOf(section).length ? 'complete' : filled > 0 ? 'partial' : 'empty',
      lastChangedAt: latest?.updatedAt ?? null,
      lastChangedBy: latest?.updatedByName ?? null,
    };
  });
}
