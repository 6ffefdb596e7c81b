import { Mark } from '@tiptap/core';
import { deletion, insertion, modification } from '@handlewithcare/prosemirror-suggest-changes';
import { suggestionTime, type Reader } from './suggestion-time';

/*
 * The marks of suggested changes (@handlewithcare/prosemirror-suggest-changes),
 * in the shared schema so that the browser, the live-editing server and the
 * server's renderer read them alike. The library creates them with an `id`
 * only; the editor stamps the other attributes (who, when) on the suggestions
 * its person makes, and the server checks that nobody stamps someone else's
 * name (lib/domain/editor/suggestion-rule.ts).
 */

export const SUGGESTION_MARKS = ['insertion', 'deletion'] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

/** The attributes every suggestion mark carries, as stored in the document. */
export interface SuggestionAttrs {
  id: string;
  authorId: string | null;
  authorName: string | null;
  /** ISO time the suggestion was made. */
  at: string | null;
  comment: string | null;
}

const suggestionAttributes = () => ({
  id: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-suggestion-id'), renderHTML: (a: Record<string, unknown>) => ({ 'data-suggestion-id': a.id }) },
  authorId: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-author-id'), renderHTML: (a: Record<string, unknown>) => ({ 'data-author-id': a.authorId }) },
  authorName: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-author'), renderHTML: (a: Record<string, unknown>) => ({ 'data-author': a.authorName }) },
  at: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-at'), renderHTML: (a: Record<string, unknown>) => ({ 'data-at': a.at }) },
  comment: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-comment'), renderHTML: (a: Record<string, unknown>) => ({ 'data-comment': a.comment }) },
});

/**
 * "Name · 2 Dec 2026, 13:30 · comment": what hovering (or focusing) a
 * suggestion shows, its time as the suggestion list beside the text says it.
 */
export function suggestionTitle(attrs: Partial<SuggestionAttrs>, reader?: Reader): string {
  return [attrs.authorName, suggestionTime(attrs.at, reader), attrs.comment].filter(Boolean).join(' · ');
}

export const SuggestedInsertion = Mark.create({
  name: 'insertion',
  inclusive: insertion.inclusive,
  excludes: insertion.excludes,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'ins[data-suggestion-id]' }];
  },
  renderHTML({ HTMLAttributes, mark }) {
    return ['ins', { ...HTMLAttributes, class: 'suggestion suggestion-insertion', title: suggestionTitle(mark.attrs) }, 0];
  },
});

export const SuggestedDeletion = Mark.create({
  name: 'deletion',
  inclusive: deletion.inclusive,
  excludes: deletion.excludes,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'del[data-suggestion-id]' }];
  },
  renderHTML({ HTMLAttributes, mark }) {
    return ['del', { ...HTMLAttributes, class: 'suggestion suggestion-deletion', title: suggestionTitle(mark.attrs) }, 0];
  },
});

/**
 * Suggested formatting (the library records it as a `modification`). The
 * schema has it because the library needs it, but documents may not hold it:
 * formatting cannot be suggested, only edited (the editor says so), and the
 * server refuses a document carrying one (validate-doc.ts).
 */
export const SuggestedModification = Mark.create({
  name: 'modification',
  inclusive: modification.inclusive,
  excludes: modification.excludes,
  addAttributes() {
    return { ...suggestionAttributes(), type: { default: null }, attrName: { default: null }, previousValue: { default: null }, newValue: { default: null } };
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', HTMLAttributes, 0];
  },
});
