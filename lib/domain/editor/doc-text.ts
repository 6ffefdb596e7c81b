import { rejectAllSuggestions } from './suggestions';

type JsonNode = { type?: string; text?: string; content?: JsonNode[] };

/**
 * The text blocks of a document (paragraphs, including those inside list
 * items), one string each, in order, without open suggestions (as published).
 * Used for diffs and completeness.
 */
export function textBlocks(doc: unknown): string[] {
  const blocks: string[] = [];
  const visit = (node: JsonNode, prefix: string) => {
    if (node.type === 'paragraph') {
      blocks.push(prefix + (node.content ?? []).map((c) => c.text ?? '').join(''));
      return;
    }
    const children = node.content ?? [];
    children.forEach((child, i) => {
      if (node.type === 'bulletList') visit(child, '• ');
      else if (node.type === 'orderedList') visit(child, `${i + 1}. `);
      else if (node.type === 'listItem') visit(child, i === 0 ? prefix : '');
      else visit(child, prefix);
    });
  };
  if (doc && typeof doc === 'object') visit(rejectAllSuggestions(doc) as JsonNode, '');
  return blocks;
}

/** Whether a part holds at least one paragraph or list item of real text. */
export function hasRealText(doc: unknown): boolean {
  return textBlocks(doc).some((b) => b.replace(/^(• |\d+\. )/, '').trim().length > 0);
}

export function plainText(doc: unknown): string {
  return textBlocks(doc).join('\n');
}
