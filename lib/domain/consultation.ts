import { sectionKeys, type SectionKey } from './profile';

/** A focal point or reviewer of the jurisdiction, as the consultation lists them. */
export interface ConsultedPerson {
  userId: string;
  name: string;
  role: 'focal_point' | 'reviewer';
  organisation: string | null;
  /** Why they no longer take part, if so: the role's end date passed, or the account was deactivated. */
  ended: 'lapsed' | 'deactivated' | null;
  /** Invited, but has not set a password yet. */
  pending: boolean;
}

export interface SectionRead {
  userId: string;
  section: string;
  firstReadAt: Date;
  lastReadAt: Date;
}

/** How many things (comments, suggestions) one person made in one section, and the newest one's time when known. */
export interface SectionCount {
  userId: string;
  section: string;
  count: number;
  lastAt: Date | null;
}

export interface ConsultationRow {
  person: ConsultedPerson;
  read: { firstAt: Date; lastAt: Date } | null;
  comments: { count: number; lastAt: Date | null };
  suggestions: { open: number; decided: number; lastAt: Date | null };
}

export interface ConsultationSection {
  section: SectionKey;
  /** Counts over the people still taking part (not lapsed or deactivated): "3 of 5 have read this". */
  summary: { people: number; read: number; commented: number; suggested: number };
  rows: ConsultationRow[];
}

const roleOrder = { focal_point: 0, reviewer: 1 } as const;
const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Per section, each consulted person with what they did there, from the rows
 * the database gives. People taking part come first (focal points, then
 * reviewers, by name), those whose role ended after them; activity of someone
 * not listed (a consultant's comment, a removed reviewer) is not counted.
 */
export function consultationBySection(input: {
  people: ConsultedPerson[];
  reads: SectionRead[];
  comments: SectionCount[];
  openSuggestions: SectionCount[];
  decidedSuggestions: SectionCount[];
}): ConsultationSection[] {
  const key = (userId: string, section: string) => `${section}\u0000${userId}`;
  const index = <T extends { userId: string; section: string }>(rows: T[]) => new Map(rows.map((r) => [key(r.userId, r.section), r]));
  const reads = index(input.reads);
  const comments = index(input.comments);
  const open = index(input.openSuggestions);
  const decided = index(input.decidedSuggestions);
  const people = [...input.people].sort(
    (a, b) => Number(a.ended !== null) - Number(b.ended !== null) || roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
  );
  return sectionKeys.map((section) => {
    const rows = people.map((person): ConsultationRow => {
      const k = key(person.userId, section);
      const read = reads.get(k);
      const c = comments.get(k);
      const o = open.get(k);
      const d = decided.get(k);
      return {
        person,
        read: read ? { firstAt: read.firstReadAt, lastAt: read.lastReadAt } : null,
        comments: { count: c?.count ?? 0, lastAt: c?.lastAt ?? null },
        suggestions: { open: o?.count ?? 0, decided: d?.count ?? 0, lastAt: later(o?.lastAt ?? null, d?.lastAt ?? null) },
      };
    });
    const taking = rows.filter((r) => r.person.ended === null);
    return {
      section,
      summary: {
        people: taking.length,
        read: taking.filter((r) => r.read).length,
        commented: taking.filter((r) => r.comments.count > 0).length,
        suggested: taking.filter((r) => r.suggestions.open + r.suggestions.decided > 0).length,
      },
      rows,
    };
  });
}

/** Open suggestions counted per author and section, the newest one's time kept (their `at`, an ISO string, when it reads as a date). */
export function countSuggestions(suggestions: ReadonlyArray<{ authorId: string | null; section: string; at: string | null }>): SectionCount[] {
  const counts = new Map<string, SectionCount>();
  for (const s of suggestions) {
    if (!s.authorId) continue;
    const k = `${s.section}\u0000${s.authorId}`;
    const at = s.at && !Number.isNaN(Date.parse(s.at)) ? new Date(s.at) : null;
    const seen = counts.get(k);
    counts.set(k, { userId: s.authorId, section: s.section, count: (seen?.count ?? 0) + 1, lastAt: later(seen?.lastAt ?? null, at) });
  }
  return [...counts.values()];
}
