import type { getAssessment } from '../data/assessments';
import { profileSlots } from '../domain/profile';

type Loaded = Awaited<ReturnType<typeof getAssessment>>;
type Standing = ReadonlyArray<{ section: string; part: string; sourceRevision: number | null; stale: boolean }>;
type Review = { domain: string; decision: string; note: string | null; reviewerName: string | null; at: Date };

/**
 * The API shape of a profile: every part's document and revision, by section and part, and each domain's review mark;
 * for a translation, its source and each part's source revision and staleness.
 */
export function presentAssessment(a: Loaded, reviews: readonly Review[] = [], translation: Standing = []) {
  const sections: Record<string, Record<string, unknown>> = {};
  for (const slot of profileSlots) {
    const part = a.parts.find((p) => p.section === slot.section && p.part === slot.part);
    sections[slot.section] ??= {};
    const standing = translation.find((p) => p.section === slot.section && p.part === slot.part);
    sections[slot.section][slot.part] = {
      doc: part?.doc ?? null,
      revision: part?.revision ?? 0,
      sourceRevision: part?.sourceRevision ?? null,
      stale: standing?.stale ?? false,
    };
  }
  for (const domain of Object.keys(sections)) {
    if (domain === 'introduction') continue;
    const r = reviews.find((x) => x.domain === domain);
    sections[domain].review = r ? { decision: r.decision, note: r.note, reviewer: r.reviewerName, at: r.at } : null;
  }
  return { id: a.id, jurisdiction: a.jurisdictionSlug, language: a.language, title: a.title, state: a.state, sourceId: a.sourceId, sections };
}
