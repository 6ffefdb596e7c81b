/**
 * The passages of a stored ProseMirror document, as the search index counts
 * them (search.doc_passages, db/migrations/0019): every paragraph (a bullet's
 * text, or a paragraph) in reading order, numbered from 1 with empty ones
 * counted. The edition page gives paragraph n of a part the id
 * `passageAnchor(section, part, n)`, so a search result links to its passage.
 */
export function passageAnchor(section: string, part: string, ordinal: number): string {
  return `${passageAnchorPrefix(section, part)}-${ordinal}`;
}

export function passageAnchorPrefix(section: string, part: string): string {
  return `p-${section}-${part}`;
}

export interface Passage {
  ordinal: number;
  text: string;
}

/** Non-empty paragraphs with their place among all paragraphs (pre-order, as jsonpath's `.**`). */
export function docPassages(doc: unknown): Passage[] {
  const out: Passage[] = [];
  let ordinal = 0;
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; content?: unknown };
    if (n.type === 'paragraph') {
      ordinal += 1;
      const text = Array.isArray(n.content) ? n.content.map((c) => (typeof (c as { text?: unknown }).text === 'string' ? (c as { text: string }).text : '')).join('') : '';
      if (/\S/.test(text)) out.push({ ordinal, text });
    }
    if (Array.isArray(n.content)) n.content.forEach(visit);
  };
  visit(doc);
  return out;
}
