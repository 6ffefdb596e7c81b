import { SUGGESTION_MARKS, type SuggestionAttrs } from './suggestion-marks';

/*
 * Suggested changes in a stored (ProseMirror JSON) document, as pure functions
 * shared by the editor, the live-editing server and the API: what is open,
 * the text with all of them rejected or accepted, one of them decided. They
 * work on the JSON the schema produces; a suggestion is inline text under an
 * `insertion` or `deletion` mark (block-level suggestions are not made: the
 * rule in suggestion-rule.ts refuses them).
 */

type Json = Record<string, unknown>;
interface JsonMark {
  type: string;
  attrs?: Record<string, unknown>;
}
interface JsonNode {
  type: string;
  text?: string;
  marks?: JsonMark[];
  content?: JsonNode[];
  attrs?: Json;
}

/** The library's anchors for suggestions at a block's edge: never real text. */
const ZWSP = /\u200B/g;

export type SuggestionKind = 'insert' | 'delete' | 'replace';

export interface OpenSuggestion {
  id: string;
  kind: SuggestionKind;
  authorId: string | null;
  authorName: string | null;
  at: string | null;
  comment: string | null;
  /** The suggested new text ('' for a deletion). */
  inserted: string;
  /** The text suggested for removal ('' for an insertion). */
  deleted: string;
  /** Every author id any part of it names: more than one is a forgery the rule refuses. */
  authorIds: string[];
  /**
   * Where it starts in the text as it was before any suggestion (the number of
   * characters before it): what no suggestion made next to it can move.
   */
  anchor: number;
}

const suggestionMark = (node: JsonNode) => node.marks?.find((m) => (SUGGESTION_MARKS as readonly string[]).includes(m.type));

function eachText(node: JsonNode, visit: (text: JsonNode) => void): void {
  if (node.type === 'text') visit(node);
  for (const child of node.content ?? []) eachText(child, visit);
}

/** Every open suggestion, in document order, one entry per id (a replacement is one deletion and one insertion sharing an id). */
export function extractSuggestions(doc: unknown): OpenSuggestion[] {
  const byId = new Map<string, OpenSuggestion>();
  let offset = 0;
  eachText(doc as JsonNode, (text) => {
    const mark = suggestionMark(text);
    const start = offset;
    if (mark?.type !== 'insertion') offset += (text.text ?? '').replace(ZWSP, '').length;
    if (!mark) return;
    const attrs = (mark.attrs ?? {}) as Partial<SuggestionAttrs>;
    const id = String(attrs.id);
    let entry = byId.get(id);
    if (!entry) {
      entry = {
        id,
        kind: mark.type === 'insertion' ? 'insert' : 'delete',
        authorId: attrs.authorId ?? null,
        authorName: attrs.authorName ?? null,
        at: attrs.at ?? null,
        comment: attrs.comment ?? null,
        inserted: '',
        deleted: '',
        authorIds: [],
        anchor: start,
      };
      byId.set(id, entry);
    }
    const author = attrs.authorId ?? '';
    if (!entry.authorIds.includes(author)) entry.authorIds.push(author);
    entry.comment ??= attrs.comment ?? null;
    const words = (text.text ?? '').replace(ZWSP, '');
    if (mark.type === 'insertion') entry.inserted += words;
    else entry.deleted += words;
    if ((entry.kind === 'insert' && mark.type === 'deletion') || (entry.kind === 'delete' && mark.type === 'insertion')) entry.kind = 'replace';
  });
  return [...byId.values()];
}

type Decide = (mark: JsonMark) => 'keep-text' | 'drop' | 'leave';

const sameMarks = (a: JsonNode, b: JsonNode) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

/** Rebuilds a node with each suggestion decided; adjacent texts with the same marks are joined again (as ProseMirror does). */
function rewrite(node: JsonNode, decide: Decide): JsonNode | null {
  if (node.type === 'text') {
    const mark = suggestionMark(node);
    const verdict = mark ? decide(mark) : 'leave';
    if (verdict === 'drop') return null;
    if (verdict === 'leave') return node;
    const text = (node.text ?? '').replace(ZWSP, '');
    if (!text) return null;
    const marks = node.marks!.filter((m) => m !== mark);
    return { ...(marks.length ? { marks } : {}), type: 'text', text } as JsonNode;
  }
  if (!node.content) return node;
  const children: JsonNode[] = [];
  for (const child of node.content) {
    const next = rewrite(child, decide);
    if (!next) continue;
    const last = children.at(-1);
    if (last && last.type === 'text' && next.type === 'text' && sameMarks(last, next)) children[children.length - 1] = { ...last, text: last.text! + next.text! };
    else children.push(next);
  }
  const hadText = node.content.length > 0;
  // A paragraph whose every word was removed goes, and a list item or list left empty with it.
  if (hadText && children.length === 0 && node.type !== 'doc') return null;
  // A bullet whose own words went but that holds a nested list keeps an empty first line (the schema wants one).
  if (node.type === 'listItem' && children.length > 0 && children[0].type !== 'paragraph') children.unshift({ type: 'paragraph' });
  const rest: JsonNode = { ...node };
  delete rest.content;
  if (children.length === 0) return node.type === 'doc' ? { ...rest, content: [{ type: 'paragraph' }] } : rest;
  return { ...rest, content: children };
}

/** The text as it was before any open suggestion: insertions gone, deletions kept (what is published). */
export function rejectAllSuggestions<T>(doc: T): T {
  return rewrite(doc as JsonNode, (m) => (m.type === 'insertion' ? 'drop' : 'keep-text')) as T;
}

/** The text with every open suggestion taken. */
export function acceptAllSuggestions<T>(doc: T): T {
  return rewrite(doc as JsonNode, (m) => (m.type === 'insertion' ? 'keep-text' : 'drop')) as T;
}

/** The text with one suggestion (by id) accepted or rejected; every other one stays open. */
export function decideSuggestion<T>(doc: T, id: string, decision: 'accept' | 'reject'): T {
  return rewrite(doc as JsonNode, (m) => {
    if (m.attrs?.id !== id) return 'leave';
    if (decision === 'accept') return m.type === 'insertion' ? 'keep-text' : 'drop';
    return m.type === 'insertion' ? 'drop' : 'keep-text';
  }) as T;
}

export function hasOpenSuggestions(doc: unknown): boolean {
  let found = false;
  eachText(doc as JsonNode, (text) => {
    if (suggestionMark(text)) found = true;
  });
  return found;
}
