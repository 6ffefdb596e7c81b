import { extractSuggestions, type OpenSuggestion } from './editor/suggestions';

/*
 * The pure half of digest notifications: which suggestions a store brought
 * and took away, who to name for them, and how a person's pending news is
 * grouped into one digest email. lib/data/suggestion-notifications.ts and
 * lib/mail/send-digests.ts feed them from the database.
 */

/**
 * What a new stored text changes in its open suggestions, by id: the ones that
 * were not there before (a suggestion typed over many stores keeps its id, so
 * it is new once), and the ids that went away (withdrawn or decided).
 */
export function suggestionChanges(before: unknown, after: unknown): { added: OpenSuggestion[]; gone: string[] } {
  const old = new Set(before ? extractSuggestions(before).map((s) => s.id) : []);
  const now = extractSuggestions(after);
  const still = new Set(now.map((s) => s.id));
  return { added: now.filter((s) => !old.has(s.id)), gone: [...old].filter((id) => !still.has(id)) };
}

/**
 * Who a digest names: the latest of the people (their names in the order they
 * acted) and how many others there are ("Ana Pérez and 1 other").
 */
export function namedWithOthers(names: readonly string[]): { name: string; others: number } {
  // Each name once, where it last acted.
  const distinct = names.filter((n, i) => names.lastIndexOf(n) === i);
  return { name: distinct.at(-1) ?? '', others: Math.max(0, distinct.length - 1) };
}

/** One piece of pending news for a digest email: a new comment thread or a suggestion. */
export interface DigestItem {
  kind: 'comment' | 'suggestion';
  assessmentId: string;
  /** The profile's title and jurisdiction, as the email shows them. */
  title: string;
  jurisdiction: string;
  section: string;
  /** Who commented or suggested. */
  actor: string;
  at: Date;
}

export interface DigestSection {
  section: string;
  suggestions: number;
  comments: number;
  /** Everyone who commented or suggested there, the latest last. */
  actors: string[];
}

export interface DigestProfile {
  assessmentId: string;
  title: string;
  jurisdiction: string;
  sections: DigestSection[];
}

/**
 * Groups a person's pending news by profile and section, each in the order its
 * first news came, with counts per kind: what one digest email lists.
 */
export function groupDigest(items: readonly DigestItem[], sectionOrder: readonly string[]): DigestProfile[] {
  const sorted = [...items].sort((a, b) => a.at.getTime() - b.at.getTime());
  const profiles = new Map<string, DigestProfile>();
  for (const item of sorted) {
    let profile = profiles.get(item.assessmentId);
    if (!profile) {
      profile = { assessmentId: item.assessmentId, title: item.title, jurisdiction: item.jurisdiction, sections: [] };
      profiles.set(item.assessmentId, profile);
    }
    let section = profile.sections.find((s) => s.section === item.section);
    if (!section) {
      section = { section: item.section, suggestions: 0, comments: 0, actors: [] };
      profile.sections.push(section);
    }
    if (item.kind === 'comment') section.comments++;
    else section.suggestions++;
    section.actors = [...section.actors.filter((a) => a !== item.actor), item.actor];
  }
  const rank = (s: string) => (sectionOrder.includes(s) ? sectionOrder.indexOf(s) : sectionOrder.length);
  // Sections in the profile's reading order, which is how people find them.
  return [...profiles.values()].map((p) => ({ ...p, sections: [...p.sections].sort((a, b) => rank(a.section) - rank(b.section)) }));
}

/** The totals a digest's subject line names. */
export function digestTotals(profiles: readonly DigestProfile[]): { suggestions: number; comments: number } {
  const all = profiles.flatMap((p) => p.sections);
  return { suggestions: all.reduce((n, s) => n + s.suggestions, 0), comments: all.reduce((n, s) => n + s.comments, 0) };
}
