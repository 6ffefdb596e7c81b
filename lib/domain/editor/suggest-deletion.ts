import type { EditorState, Transaction } from '@tiptap/pm/state';

/*
 * Deleting across paragraphs or bullets in Suggesting mode. ProseMirror
 * deletes a selection that covers a whole bullet by removing the list item
 * node, and one that runs into the next paragraph by joining the two; the
 * suggestion library cannot record either (it throws), so the person met "only
 * words can be suggested". Here such a deletion becomes what it means in
 * words: every word inside the selection, paragraph by paragraph, is deleted
 * (the library then marks each as a suggested deletion) and no paragraph,
 * bullet or list is touched. Accepted, a paragraph or bullet left without
 * words goes with them (suggestions.ts); rejected, everything is as before.
 */

/**
 * The words-only form of `transaction` when it deletes a selection spanning
 * more than one paragraph (or a whole block chosen as a node); null when it
 * does anything else, which the library handles (or refuses) as before.
 */
export function wordsOnlyDeletion(transaction: Transaction, state: EditorState): Transaction | null {
  const { selection } = state;
  if (selection.empty) return null;
  const { $from, $to } = selection;
  // Within one paragraph the library already suggests it word by word.
  if ($from.sameParent($to) && $from.parent.isTextblock) return null;
  // Only a plain deletion of the selection (Backspace, Delete, cut): typing over it or pasting is not one.
  if (!transaction.doc.eq(state.tr.deleteSelection().doc)) return null;
  const ranges: Array<[number, number]> = [];
  state.doc.nodesBetween(selection.from, selection.to, (node, pos) => {
    if (!node.isTextblock) return true;
    const from = Math.max(selection.from, pos + 1);
    const to = Math.min(selection.to, pos + node.nodeSize - 1);
    if (from < to) ranges.push([from, to]);
    return false;
  });
  if (ranges.length === 0) return null;
  const tr = state.tr;
  // From the end, so that the positions of the ranges before are still right.
  for (const [from, to] of ranges.reverse()) tr.delete(from, to);
  return tr;
}
