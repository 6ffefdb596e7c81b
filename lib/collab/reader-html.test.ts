import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readerHtml } from './reader-html';
import { yStateFromJson } from './yjs-doc';

const attrs = (id: string) => ({ id, authorId: '22222222-2222-4222-8222-222222222222', authorName: 'Lucía Focal', at: '2026-12-02T12:00:00.000Z', comment: null });
const doc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'La ' },
        { type: 'text', text: 'ventanilla única', marks: [{ type: 'deletion', attrs: attrs('s1') }] },
        { type: 'text', text: 'oficina', marks: [{ type: 'insertion', attrs: attrs('s1') }] },
        { type: 'text', text: ' atiende.' },
      ],
    },
  ],
};

function liveDoc(json: unknown) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, yStateFromJson(json));
  return ydoc;
}

describe('readerHtml: a live part seen by someone who may only read', () => {
  it('shows open suggestions inline, as the editor does: insertions marked, deletions struck through, with who', () => {
    const html = readerHtml(liveDoc(doc));
    expect(html).toMatch(/<del[^>]*class="suggestion suggestion-deletion"[^>]*>ventanilla única<\/del>/);
    expect(html).toMatch(/<ins[^>]*class="suggestion suggestion-insertion"[^>]*>oficina<\/ins>/);
    expect(html).toContain('title="Lucía Focal · 2026-12-02 12:00 UTC"');
    expect(html.replace(/<[^>]+>/g, '')).toBe('La ventanilla únicaoficina atiende.');
  });

  it('follows the live document: a suggestion decided there is gone from the view', () => {
    const plain = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'La oficina atiende.' }] }] };
    expect(readerHtml(liveDoc(plain))).toBe('<p>La oficina atiende.</p>');
  });
});
