import { isAllowedHref } from '../../domain/editor/link-policy';
import { breakLongWords } from './long-words';

/** A stretch of text with one formatting: what the PDF writes in one font. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Only http, https and mailto addresses (the editor's own rule); anything else is plain text. */
  href: string | null;
}

/**
 * A paragraph as the PDF lays it out. `marker` is the bullet or number of a
 * list item's first paragraph (null otherwise). `depth` counts indent steps:
 * a marker stands at step `depth` and its text one step further in; a
 * paragraph without a marker starts at step `depth`. So a later paragraph of
 * an item lines up with the item's text, and a nested list's markers too.
 */
export interface Block {
  depth: number;
  marker: string | null;
  runs: Run[];
}

type Json = { type?: string; text?: string; attrs?: Record<string, unknown>; marks?: Array<{ type: string; attrs?: Record<string, unknown> }>; content?: Json[] };

/** Bullets by depth, alternating: Noto Sans has "•" and "–" but no "◦" or "▪". */
const bullets = ['•', '–'];

function runsOf(paragraph: Json): Run[] {
  const runs: Run[] = [];
  for (const node of paragraph.content ?? []) {
    if (node.type !== 'text' || !node.text) continue;
    const marks = node.marks ?? [];
    const link = marks.find((m) => m.type === 'link')?.attrs?.href;
    const run: Run = {
      text: breakLongWords(node.text),
      bold: marks.some((m) => m.type === 'bold'),
      italic: marks.some((m) => m.type === 'italic'),
      href: typeof link === 'string' && isAllowedHref(link) ? link : null,
    };
    const previous = runs.at(-1);
    // Neighbours with the same formatting are one run: fewer font switches, cleaner lines.
    if (previous && previous.bold === run.bold && previous.italic === run.italic && previous.href === run.href) previous.text += run.text;
    else runs.push(run);
  }
  return runs;
}

/**
 * Flattens a stored ProseMirror document (paragraphs, bullet and ordered lists
 * nested at will, bold, italic and links) into the paragraphs the PDF writes,
 * in reading order. Empty paragraphs are dropped; an empty list item keeps its
 * marker so that numbering stays what the page shows.
 */
export function docBlocks(doc: unknown, depth = 0): Block[] {
  const blocks: Block[] = [];
  for (const node of ((doc as Json | null)?.content ?? []) as Json[]) {
    if (node.type === 'paragraph') {
      const runs = runsOf(node);
      if (runs.length) blocks.push({ depth, marker: null, runs });
    } else if (node.type === 'bulletList' || node.type === 'orderedList') {
      const start = Number(node.attrs?.start ?? 1) || 1;
      (node.content ?? []).forEach((item, i) => {
        const marker = node.type === 'bulletList' ? bullets[depth % bullets.length] : `${start + i}.`;
        const inner = docBlocks(item, depth + 1);
        // The item's first paragraph carries the marker; its text sits one level in.
        const first = inner[0];
        if (first && first.depth === depth + 1 && first.marker === null) blocks.push({ ...first, depth, marker }, ...inner.slice(1));
        else blocks.push({ depth, marker, runs: [] }, ...inner);
      });
    }
  }
  return blocks;
}

/** The plain text of a block, as a reader copying it would get. */
export const blockText = (block: Block) => block.runs.map((r) => r.text).join('');
