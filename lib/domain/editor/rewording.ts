import { stripCommentMarks } from '../edition';
import { rejectAllSuggestions } from './suggestions';

/** A text's words as they stand: open suggestions turned down, comment marks aside. */
const wording = (doc: unknown) => JSON.stringify(stripCommentMarks(rejectAllSuggestions(doc)));

/**
 * Whether `after` changes the words of `before`: adding, changing or withdrawing
 * a suggestion, or a comment's mark, does not; an edit, or accepting a
 * suggestion, does. A focal point who changed the words of a round may not
 * approve it alone (lib/data/workflow.ts). No text before (none known): it does.
 */
export function rewords(before: unknown, after: unknown): boolean {
  return before === undefined || before === null || wording(before) !== wording(after);
}
