import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * C0 control characters other than tab and newline. The server refuses text
 * holding them (PostgreSQL cannot store U+0000 in jsonb; the others have no
 * place in prose), so a save carrying one would fail again on every retry.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f]/;

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * A transaction removing the control characters in the text between `from`
 * and `to` (the whole document by default), or null when there is none.
 */
export function controlCharacterCleanup(doc: PMNode, tr: Transaction, from = 0, to = doc.content.size): Transaction | null {
  const hits: Array<{ from: number; to: number; node: PMNode }> = [];
  doc.nodesBetween(Math.max(0, from), Math.min(doc.content.size, to), (node, pos) => {
    if (node.isText && node.text && HAS_CONTROL.test(node.text)) hits.push({ from: pos, to: pos + node.nodeSize, node });
  });
  if (hits.length === 0) return null;
  // From the end, so that earlier positions stay valid; each text node keeps its marks.
  for (const hit of hits.reverse()) {
    const clean = stripControlCharacters(hit.node.text!);
    if (clean) tr.replaceWith(hit.from, hit.to, doc.type.schema.text(clean, hit.node.marks));
    else tr.delete(hit.from, hit.to);
  }
  return tr.setMeta('addToHistory', false);
}

/** The part of the new document that a batch of transactions changed (so typing scans a word, not the document). */
export function changedRange(transactions: readonly Transaction[]): { from: number; to: number } | null {
  let range: { from: number; to: number } | null = null;
  for (const tr of transactions) {
    if (range) range = { from: tr.mapping.map(range.from, -1), to: tr.mapping.map(range.to, 1) };
    tr.mapping.maps.forEach((map, i) => {
      const rest = tr.mapping.slice(i + 1);
      map.forEach((_oldStart, _oldEnd, start, end) => {
        const from = rest.map(start, -1);
        const to = rest.map(end, 1);
        range = range ? { from: Math.min(range.from, from), to: Math.max(range.to, to) } : { from, to };
      });
    });
  }
  return range;
}

export const controlCharactersKey = new PluginKey('controlCharacters');

/**
 * Removes control characters however they arrive: typed, pasted as text or
 * HTML, dropped, or restored from the browser's copy of unsent text.
 */
export const ControlCharacters = Extension.create({
  name: 'controlCharacters',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: controlCharactersKey,
        props: {
          transformPastedText: (text) => stripControlCharacters(text),
        },
        appendTransaction: (transactions, _old, state) => {
          const range = transactions.some((t) => t.docChanged) ? changedRange(transactions) : null;
          return range && controlCharacterCleanup(state.doc, state.tr, range.from, range.to);
        },
      }),
    ];
  },
});
