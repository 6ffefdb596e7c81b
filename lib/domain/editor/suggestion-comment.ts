import { suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { SUGGESTION_MARKS } from './suggestion-marks';

/*
 * The short comment a person puts on their own suggestion ("the ministry's
 * name for it"): an attribute of every mark of the suggestion, so it travels
 * with it live and is checked by the same rule (suggestion-rule.ts: only the
 * author may change their suggestion, comment included).
 */

/** Longer than a line or two belongs in a comment thread. The server refuses more (validate-doc.ts). */
export const MAX_SUGGESTION_COMMENT = 280;

export type CommentInput = { ok: true; comment: string | null } | { ok: false; reason: 'too_long' };

/** Trims what was typed; nothing left means no comment. */
export function readSuggestionComment(input: string): CommentInput {
  const comment = input.replace(/\s+/g, ' ').trim();
  if (comment.length > MAX_SUGGESTION_COMMENT) return { ok: false, reason: 'too_long' };
  return { ok: true, comment: comment || null };
}

/**
 * The change that puts `comment` on suggestion `id` (every one of its marks:
 * a replacement's deletion and insertion alike), or null when there is no
 * such suggestion. Marked for Suggesting mode to pass through as it is: it
 * changes a suggestion's attributes, not the text, so there is nothing to
 * turn into a suggestion.
 */
export function setSuggestionComment(state: EditorState, id: string, comment: string | null): Transaction | null {
  const tr = state.tr;
  let found = false;
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (!(SUGGESTION_MARKS as readonly string[]).includes(mark.type.name) || mark.attrs.id !== id) continue;
      found = true;
      tr.removeMark(pos, pos + node.nodeSize, mark);
      tr.addMark(pos, pos + node.nodeSize, mark.type.create({ ...mark.attrs, comment }));
    }
    return false;
  });
  return found ? tr.setMeta(suggestChangesKey, { skip: true }) : null;
}
