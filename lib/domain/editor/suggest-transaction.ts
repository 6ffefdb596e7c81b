import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { wordsOnlyDeletion } from './suggest-deletion';
import { SUGGESTION_MARKS } from './suggestion-marks';

export interface Suggester {
  id: string;
  name: string;
}

const isSuggestionMark = (mark: Mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name);

/**
 * Turns a change a person made in Suggesting mode into the change that
 * suggests it (@handlewithcare/prosemirror-suggest-changes), under their name.
 * `newId` gives each new suggestion its id. Deleting across paragraphs or
 * bullets is suggested as deleting their words (suggest-deletion.ts).
 */
export function suggestTransaction(transaction: Transaction, state: EditorState, me: Suggester, newId: () => string = () => crypto.randomUUID()): Transaction {
  const tracked = transformToSuggestionTransaction(wordsOnlyDeletion(transaction, state) ?? transaction, state, () => newId());
  return stamp(keepSuggestionsApart(state.doc, tracked, me, newId), me);
}

/**
 * The library joins new suggested text to a suggestion it touches: the new
 * text takes the neighbour's id, and a neighbour after it is given the new
 * one (its name and time lost). With the neighbour someone else's, typing
 * beside it would change their suggestion, which the suggest-only rule
 * refuses: two people could not suggest side by side. So every suggestion
 * that was there keeps its marks as they were (where its text is still
 * there), and new text that took someone's id gets an id of its own (one per
 * id taken, so a replacement's deletion and insertion stay one suggestion).
 */
function keepSuggestionsApart(before: PMNode, tr: Transaction, me: Suggester, newId: () => string): Transaction {
  const owners = new Map<string, string | null>();
  const existing: Array<{ from: number; to: number; marks: readonly Mark[] }> = [];
  before.descendants((node, pos) => {
    if (!node.isText) return true;
    const marks = node.marks.filter(isSuggestionMark);
    if (marks.length === 0) return false;
    for (const mark of marks) owners.set(String(mark.attrs.id), (mark.attrs.authorId as string | null) ?? null);
    // Mapped inward: text typed at either edge is not part of it.
    const from = tr.mapping.map(pos, 1);
    const to = tr.mapping.map(pos + node.nodeSize, -1);
    if (from < to) existing.push({ from, to, marks });
    return false;
  });
  for (const { from, to, marks } of existing) {
    if (holdsExactly(tr.doc, from, to, marks)) continue;
    for (const name of SUGGESTION_MARKS) tr.removeMark(from, to, tr.doc.type.schema.marks[name]);
    for (const mark of marks) tr.addMark(from, to, mark);
  }
  // New marks carry an id only (stamp() adds the rest): those whose id is an existing suggestion's.
  const renamed = new Map<string, string>();
  const pending: Array<{ from: number; to: number; mark: Mark }> = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark) || mark.attrs.authorId) continue;
      const id = String(mark.attrs.id);
      if (owners.has(id)) pending.push({ from: pos, to: pos + node.nodeSize, mark });
    }
    return false;
  });
  for (const { from, to, mark } of pending) {
    const id = String(mark.attrs.id);
    // Taking on one's own suggestion continues it (stamp() keeps its name and time); someone else's is left to them.
    if (owners.get(id) === me.id) continue;
    if (!renamed.has(id)) renamed.set(id, newId());
    tr.removeMark(from, to, mark);
    tr.addMark(from, to, mark.type.create({ ...mark.attrs, id: renamed.get(id) }));
  }
  return tr;
}

/** Whether every text in from..to carries exactly these suggestion marks. */
function holdsExactly(doc: PMNode, from: number, to: number, marks: readonly Mark[]): boolean {
  let same = true;
  doc.nodesBetween(from, to, (node) => {
    if (!same || !node.isText) return same;
    const now = node.marks.filter(isSuggestionMark);
    same = now.length === marks.length && now.every((m) => marks.some((o) => o.eq(m)));
    return false;
  });
  return same;
}

/** Stamps the person's name and the time on the suggestion marks the library made with an id only. */
function stamp(tr: Transaction, me: Suggester): Transaction {
  const known = new Map<string, Record<string, unknown>>();
  const pending: Array<{ from: number; to: number; node: PMNode }> = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      if (mark.attrs.authorId) known.set(String(mark.attrs.id), mark.attrs);
      else pending.push({ from: pos, to: pos + node.nodeSize, node });
    }
    return false;
  });
  const now = new Date().toISOString();
  for (const { from, to, node } of pending) {
    const mark = node.marks.find(isSuggestionMark)!;
    const id = String(mark.attrs.id);
    // Typing on at the end of one's own suggestion continues it: same author, same time.
    const existing = known.get(id);
    const attrs = existing && existing.authorId === me.id ? { ...existing } : { id, authorId: me.id, authorName: me.name, at: now, comment: null };
    known.set(id, attrs);
    tr.addMark(from, to, mark.type.create(attrs));
  }
  return tr;
}
