import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceAroundStep } from '@tiptap/pm/transform';
import { isSuggestChangesEnabled, suggestChanges, suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { SUGGESTION_MARKS } from '@/lib/domain/editor/suggestion-marks';
import { checkSuggestOnlyChange } from '@/lib/domain/editor/suggestion-rule';

/** Why the editor did not make a change in Suggesting mode (the editor says it in words). */
export type SuggestRefusal = 'formatting' | 'structure' | 'others';

export interface SuggestModeOptions {
  me: { id: string; name: string };
  onRefused: (why: SuggestRefusal) => void;
}

/** Stamps the person's name and the time on the suggestion marks the library made with an id only. */
function stamp(tr: Transaction, me: SuggestModeOptions['me']): Transaction {
  const known = new Map<string, Record<string, unknown>>();
  const pending: Array<{ from: number; to: number; node: PMNode }> = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (!(SUGGESTION_MARKS as readonly string[]).includes(mark.type.name)) continue;
      if (mark.attrs.authorId) known.set(String(mark.attrs.id), mark.attrs);
      else pending.push({ from: pos, to: pos + node.nodeSize, node });
    }
    return false;
  });
  const now = new Date().toISOString();
  for (const { from, to, node } of pending) {
    const mark = node.marks.find((m) => (SUGGESTION_MARKS as readonly string[]).includes(m.type.name))!;
    const id = String(mark.attrs.id);
    // Typing on at the end of one's own suggestion continues it: same author, same time.
    const existing = known.get(id);
    const attrs = existing && existing.authorId === me.id ? { ...existing } : { id, authorId: me.id, authorName: me.name, at: now, comment: null };
    known.set(id, attrs);
    tr.addMark(from, to, mark.type.create(attrs));
  }
  return tr;
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
      tracked = ySync.isUndoRedoOperation ? transaction : stamp(transformToSuggestionTransaction(transaction, state, () => crypto.randomUUID()), this.options.me);
    } catch {
      this.options.onRefused('structure');
      return;
    }
    const verdict = checkSuggestOnlyChange(state.doc.toJSON(), tracked.doc.toJSON(), this.options.me.id);
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
