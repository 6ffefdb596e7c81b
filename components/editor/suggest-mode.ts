import { Extension } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceAroundStep } from '@tiptap/pm/transform';
import { isSuggestChangesEnabled, suggestChanges, suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import { SUGGESTION_MARKS } from '@/lib/domain/editor/suggestion-marks';
import { checkSuggestOnlyChange } from '@/lib/domain/editor/suggestion-rule';
import { suggestTransaction } from '@/lib/domain/editor/suggest-transaction';

/** Why the editor did not make a change in Suggesting mode (the editor says it in words). */
export type SuggestRefusal = 'formatting' | 'structure' | 'others';

export interface SuggestModeOptions {
  me: { id: string; name: string };
  onRefused: (why: SuggestRefusal) => void;
}

function refusalOf(original: Transaction, verdict: { reason: string }): SuggestRefusal {
  const formatting = original.steps.some((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep || step instanceof AttrStep || step instanceof ReplaceAroundStep);
  if (formatting) return 'formatting';
  return verdict.reason === 'text_changed' ? 'structure' : 'others';
}

/**
 * Suggesting mode, with @handlewithcare/prosemirror-suggest-changes: while it
 * is on, what the person types becomes a suggested insertion, what they delete
 * a suggested deletion, under their name. Changes that arrive from others
 * (Yjs) and Yjs's undo pass through untouched. Every change made here is first
 * checked against the rule the server enforces (suggestion-rule.ts): one it
 * would refuse (formatting, new paragraphs, someone else's suggestion) is not
 * made, and the editor says why.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',

  addOptions() {
    return { me: { id: '', name: '' }, onRefused: () => {} };
  },

  addProseMirrorPlugins() {
    return [suggestChanges()];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const ySync = (transaction.getMeta('y-sync$') ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
    if (!isSuggestChangesEnabled(state) || !transaction.docChanged || ySync.isChangeOrigin || transaction.getMeta(suggestChangesKey)) {
      next(transaction);
      return;
    }
    // Formatting is not suggested (the library would suggest it as deleting the words and inserting
    // them formatted): refused with a message, as the README says.
    const formats = transaction.steps.some(
      (step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && !(SUGGESTION_MARKS as readonly string[]).includes(step.mark.type.name),
    );
    if (formats && !ySync.isUndoRedoOperation) {
      this.options.onRefused('formatting');
      return;
    }
    let tracked: Transaction;
    try {
      tracked = ySync.isUndoRedoOperation ? transaction : suggestTransaction(transaction, state, this.options.me);
    } catch {
      this.options.onRefused('structure');
      return;
    }
    const verdict = checkSuggestOnlyChange(state.doc.toJSON(), tracked.doc.toJSON(), this.options.me.id, { name: this.options.me.name, now: new Date() });
    if (!verdict.ok) {
      this.options.onRefused(refusalOf(transaction, verdict));
      return;
    }
    next(tracked);
  },
});

/** Turns Suggesting mode on or off in an editor that has the extension. */
export function setSuggesting(editor: { state: { tr: Transaction }; view: { dispatch: (tr: Transaction) => void } }, on: boolean) {
  editor.view.dispatch(editor.state.tr.setMeta(suggestChangesKey, { enabled: on }));
}
