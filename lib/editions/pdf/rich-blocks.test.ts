import { describe, expect, it } from 'vitest';
import { blockText, docBlocks } from './rich-blocks';

const text = (t: string, ...marks: Array<string | { type: 'link'; href: string }>) => ({
  type: 'text',
  text: t,
  ...(marks.length ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : { type: 'link', attrs: { href: m.href } })) } : {}),
});
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const item = (...content: unknown[]) => ({ type: 'listItem', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('docBlocks', () => {
  it('keeps bold, italic and links as runs, merging neighbours of the same formatting', () => {
    const [block] = docBlocks(doc(p(text('Plain '), text('and plain, '), text('bold', 'bold'), text(' both', 'bold', 'italic'), text(' a link', { type: 'link', href: 'https://example.org/a' }))));
    expect(block.runs).toEqual([
      { text: 'Plain and plain, ', bold: false, italic: false, href: null },
      { text: 'bold', bold: true, italic: false, href: null },
      { text: ' both', bold: true, italic: true, href: null },
      { text: ' a link', bold: false, italic: false, href: 'https://example.org/a' },
    ]);
  });

  it('never turns a disallowed address into a link, even if one were stored', () => {
    const [block] = docBlocks(doc(p(text('click', { type: 'link', href: 'javascript:alert(1)' }), text(' mail', { type: 'link', href: 'mailto:a@example.org' }))));
    expect(block.runs.map((r) => r.href)).toEqual([null, 'mailto:a@example.org']);
  });

  it('gives list items their markers and depth, nested lists one step further, later paragraphs under the text', () => {
    const blocks = docBlocks(
      doc(
        p(text('Intro')),
        { type: 'bulletList', content: [item(p(text('One')), p(text('One, again')), { type: 'orderedList', attrs: { start: 9 }, content: [item(p(text('Nine'))), item(p(text('Ten')))] }), item(p(text('Two')))] },
      ),
    );
    expect(blocks.map((b) => [b.depth, b.marker, blockText(b)])).toEqual([
      [0, null, 'Intro'],
      [0, '•', 'One'],
      [1, null, 'One, again'],
      [1, '9.', 'Nine'],
      [1, '10.', 'Ten'],
      [0, '•', 'Two'],
    ]);
  });

  it('drops empty paragraphs but keeps an empty item, so numbering stays as on the page', () => {
    const blocks = docBlocks(doc(p(), { type: 'orderedList', content: [item(p()), item(p(text('Second')))] }));
    expect(blocks.map((b) => [b.marker, blockText(b)])).toEqual([
      ['1.', ''],
      ['2.', 'Second'],
    ]);
  });

  it('reads nothing from a missing document', () => {
    expect(docBlocks(null)).toEqual([]);
  });
});
