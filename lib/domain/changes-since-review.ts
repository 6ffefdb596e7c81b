import type { PartKey, SectionKey } from './profile';
import { inlineDiff, type DiffPiece } from './word-diff';
import type { AssessmentState } from './workflow';

/**
 * "Changes since your review": what a focal point or reviewer coming back to a
 * profile sees of the work done since their round ended.
 *
 * The version they reviewed is the text each part held when changes were last
 * requested (the profile's newest `request_changes` transition): the text the
 * whole round read, the same for everyone who reviewed in it and for a reviewer
 * who joined later. During a review nobody edits the text (suggestions are not
 * text), so that moment is the round's text exactly. Comparisons are of the text
 * with every open suggestion rejected (`plainText`): a suggestion still pending
 * is no change, an accepted one is.
 */

/** While a round is open (changes asked for, back in review): later, approval has closed it. */
export function roundIsOpen(state: AssessmentState): boolean {
  return state === 'draft' || state === 'in_review';
}

export interface PartVersions {
  section: SectionKey;
  part: PartKey;
  reviewed: unknown;
  current: unknown;
}

export interface PartChange {
  section: SectionKey;
  part: PartKey;
  changed: boolean;
  /** The word-level diff from the reviewed text to the current one; every piece `same` when unchanged. */
  pieces: DiffPiece[];
}

/** Changed or unchanged, with the word-level diff, for each part given. */
export function partChanges(parts: readonly PartVersions[]): PartChange[] {
  return parts.map(({ section, part, reviewed, current }) => {
    const pieces = inlineDiff(reviewed, current);
    return { section, part, changed: pieces.some((p) => p.kind !== 'same'), pieces };
  });
}

/** The sections (introduction or domains) with at least one changed part. */
export function changedSections(changes: readonly PartChange[]): Set<SectionKey> {
  return new Set(changes.filter((c) => c.changed).map((c) => c.section));
}

export type ThreadOutcome = 'resolved' | 'answered' | 'waiting';

/**
 * What became of someone's comment thread since the review ended: resolved
 * since then, answered (someone else wrote in it since), or still waiting for
 * an answer; null for a thread already resolved when the review ended (there
 * is nothing new to tell).
 */
export function threadOutcome(
  thread: {
    status: 'open' | 'resolved';
    /** Whether it was resolved after the review ended. */
    resolvedSince: boolean;
    comments: ReadonlyArray<{ authorId: string | null; /** Written after the review ended. */ since: boolean }>;
  },
  me: string,
): ThreadOutcome | null {
  if (thread.status === 'resolved') return thread.resolvedSince ? 'resolved' : null;
  if (thread.comments.some((c) => c.authorId !== me && c.since)) return 'answered';
  return 'waiting';
}
