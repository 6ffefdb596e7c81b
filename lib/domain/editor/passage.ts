import type { Node as PMNode } from '@tiptap/pm/model';

/*
 * A commented passage is named by its text and which occurrence of that text
 * it is, not by positions: a person selects it in the editor or in the
 * rendered page, the server finds the same words in the stored document. The
 * text is compared with whitespace collapsed and blocks separated by one space,
 * so a selection across two paragraphs or list items matches too.
 */

export const MAX_QUOTE_LENGTH = 1000;

interface FlatText {
  /** The document's text, whitespace collapsed, blocks joined by one space. */
  text: string;
  /** For each character of `text`, its document position, or -1 for a joining space. */
  positions: number[];
}

const isSpace = (c: string) => /\s/.test(c);

export function normalizeQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

export function flattenDoc(doc: PMNode): FlatText {
  const chars: string[] = [];
  const positions: number[] = [];
  const push = (c: string, pos: number) => {
    if (isSpace(c)) {
      if (chars.length === 0 || chars[chars.length - 1] === ' ') return;
      chars.push(' ');
    } else {
      chars.push(c);
    }
    positions.push(pos);
  };
  let lastBlock: PMNode | null = null;
  doc.descendants((node, pos, parent) => {
    if (!node.isText) return true;
    if (parent !== lastBlock && lastBlock !== null) push(' ', -1);
    lastBlock = parent;
    const text = node.text ?? '';
    for (let i = 0; i < text.length; i++) push(text[i], pos + i);
    return false;
  });
  return { text: chars.join(''), positions };
}

/** The document range of the n-th occurrence of `quote`, or null when the text has no such passage. */
export function locatePassage(doc: PMNode, quote: string, occurrence = 0): { from: number; to: number } | null {
  const needle = normalizeQuote(quote);
  if (!needle) return null;
  const flat = flattenDoc(doc);
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = flat.text.indexOf(needle, index + 1);
    if (index < 0) return null;
  }
  const end = index + needle.length - 1;
  // The needle is trimmed, so it starts and ends on a real character with a position.
  return { from: flat.positions[index], to: flat.positions[end] + 1 };
}

/** How a selection is named for the server: its text and which occurrence of that text it is. */
export function describePassage(doc: PMNode, from: number, to: number): { quote: string; occurrence: number } | null {
  const flat = flattenDoc(doc);
  let first = flat.positions.findIndex((p) => p >= from && p < to);
  if (first < 0) return null;
  let last = first;
  for (let i = first; i < flat.positions.length && flat.positions[i] < to; i++) last = i;
  while (first <= last && flat.text[first] === ' ') first++;
  while (last >= first && flat.text[last] === ' ') last--;
  if (first > last) return null;
  const quote = flat.text.slice(first, last + 1);
  return { quote, occurrence: occurrencesBefore(flat.text, quote, first) };
}

/** How many times `quote` occurs in `text` starting before index `start` (as locatePassage counts them). */
export function occurrencesBefore(text: string, quote: string, start: number): number {
  let count = 0;
  for (let i = text.indexOf(quote); i >= 0 && i < start; i = text.indexOf(quote, i + 1)) count++;
  return count;
}

/** Ids of the comment threads whose mark is still somewhere in a stored document. */
export function anchoredThreadIds(docJson: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { marks?: Array<{ type?: string; attrs?: { threadId?: string } }>; content?: unknown[] };
    for (const mark of n.marks ?? []) if (mark.type === 'comment' && mark.attrs?.threadId) ids.add(mark.attrs.threadId);
    for (const child of n.content ?? []) visit(child);
  };
  visit(docJson);
  return ids;
}
