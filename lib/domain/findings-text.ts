/*
 * The findings of one part of a stored document as plain text, one entry per
 * bullet (or per paragraph outside a list), for the downloads. Marks are
 * dropped; a nested list's items are findings of their own, after their parent.
 */
interface JsonNode {
  type?: string;
  text?: string;
  content?: JsonNode[];
}

const asNode = (value: unknown): JsonNode | null => (value && typeof value === 'object' ? (value as JsonNode) : null);

/** The text of a block, without the lists nested in it. */
function inlineText(node: JsonNode): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'hardBreak') return ' ';
  if (node.type === 'bulletList' || node.type === 'orderedList') return '';
  return (node.content ?? []).map((child) => (child.type === 'paragraph' ? ` ${inlineText(child)}` : inlineText(child))).join('');
}

export function findingsOf(doc: unknown): string[] {
  const out: string[] = [];
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  // Inside a list item its paragraphs are already its text: only its nested lists are walked.
  const walk = (node: JsonNode, inItem = false) => {
    for (const child of node.content ?? []) {
      if (child.type === 'paragraph' && inItem) continue;
      if (child.type === 'listItem' || child.type === 'paragraph') {
        const text = clean(inlineText(child));
        if (text) out.push(text);
        if (child.type === 'listItem') walk(child, true);
      } else walk(child);
    }
  };
  const root = asNode(doc);
  if (root) walk(root);
  return out;
}
