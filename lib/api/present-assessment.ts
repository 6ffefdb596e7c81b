import type { getAssessment } from '../data/assessments';
import { profileSlots } from '../domain/profile';

type Loaded = Awaited<ReturnType<typeof getAssessment>>;

/** The API shape of a profile: every part's document and revision, by section and part. */
export function presentAssessment(a: Loaded) {
  const sections: Record<string, Record<string, { doc: unknown; revision: number }>> = {};
  for (const slot of profileSlots) {
    const part = a.parts.find((p) => p.section === slot.section && p.part === slot.part);
    sections[slot.section] ??= {};
    sections[slot.section][slot.part] = { doc: part?.doc ?? null, revision: part?.revision ?? 0 };
  }
  return { id: a.id, jurisdiction: a.jurisdictionSlug, language: a.language, title: a.title, state: a.state, sections };
}
