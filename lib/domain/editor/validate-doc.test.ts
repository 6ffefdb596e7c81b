import { describe, expect, it } from 'vitest';
import { badDocs, goodDocs } from './doc-corpus';
import { hasRealText, textBlocks } from './doc-text';
import { renderDocHtml } from './render-html';
import { validateProfileDoc } from './validate-doc';

describe('validateProfileDoc', () => {
  it('has a corpus of at least 40 bad documents', () => {
    expect(badDocs.length).toBeGreaterThanOrEqual(40);
  });

  it.each(goodDocs)('accepts %s', (_name, input) => {
    const result = validateProfileDoc(input);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it.each(badDocs)('refuses %s, saying why', (_name, input) => {
    const result = validateProfileDoc(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('names the size limits in its answers', () => {
    const huge = badDocs.find(([n]) => n.startsWith('more than 256'))![1];
    expect(validateProfileDoc(huge)).toMatchObject({ ok: false, code: 'doc_too_large' });
    const many = badDocs.find(([n]) => n.startsWith('more than 5,000'))![1];
    expect(validateProfileDoc(many)).toMatchObject({ ok: false, code: 'doc_too_many_nodes' });
  });

  it('explains a refused link target', () => {
    const bad = badDocs.find(([n]) => n === 'a javascript: link')![1];
    const result = validateProfileDoc(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/link target "javascript:alert\(1\)" is not allowed/);
  });

  it.each(['valueOf', 'hasOwnProperty', 'constructor', 'toString', '__proto__', 'isPrototypeOf'])(
    'refuses an attribute named "%s" with a message, as any unknown one (inherited names were found as rules)',
    (name) => {
      const attrs = JSON.parse(`{"href":"https://a.example",${JSON.stringify(name)}:{}}`);
      const link = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs }] }] }] };
      expect(validateProfileDoc(link)).toMatchObject({ ok: false, message: expect.stringContaining(`attribute "${name}" is not allowed on link`) });
      const list = JSON.parse(`{"type":"doc","content":[{"type":"orderedList","attrs":{${JSON.stringify(name)}:{}},"content":[{"type":"listItem","content":[{"type":"paragraph"}]}]}]}`);
      expect(validateProfileDoc(list)).toMatchObject({ ok: false });
    },
  );

  it('returns the normalised document', () => {
    const result = validateProfileDoc({ type: 'doc', content: [{ type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] });
    expect(result).toEqual({
      ok: true,
      doc: { type: 'doc', content: [{ type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] },
    });
  });
});

describe('renderDocHtml', () => {
  it.each(goodDocs)('renders %s without script or event handlers', (_name, input) => {
    const html = renderDocHtml(input);
    expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);
  });

  it('never renders a disallowed href, even from an unchecked document', () => {
    const html = renderDocHtml({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    });
    expect(html).not.toContain('javascript:');
  });

  it('escapes text and attributes', () => {
    const html = renderDocHtml({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)> & "q"', marks: [{ type: 'link', attrs: { href: 'https://a.org/?q="><script>' } }] }] }],
    });
    expect(html).toBe(
      '<p><a href="https://a.org/?q=&quot;&gt;&lt;script&gt;" rel="noopener noreferrer nofollow">&lt;img src=x onerror=alert(1)&gt; &amp; "q"</a></p>',
    );
  });

  it('renders lists and marks as HTML', () => {
    const html = renderDocHtml({
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'bold' }] }] }] }] },
        { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b', marks: [{ type: 'italic' }] }] }] }] },
      ],
    });
    expect(html).toBe('<ul><li><p><strong>a</strong></p></li></ul><ol start="2"><li><p><em>b</em></p></li></ol>');
  });
});

describe('text helpers', () => {
  const doc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Intro ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }] },
    ],
  };
  it('lists text blocks with list markers', () => {
    expect(textBlocks(doc)).toEqual(['Intro bold', '• one', '1. two']);
  });
  it('knows an empty part from a written one', () => {
    expect(hasRealText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(false);
    expect(hasRealText({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '   ' }] }] })).toBe(false);
    expect(hasRealText({ type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] })).toBe(false);
    expect(hasRealText(doc)).toBe(true);
  });
});

describe('comment marks', () => {
  it('render as a span naming the thread, and nothing else', () => {
    const id = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
    const html = renderDocHtml({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'comment', attrs: { threadId: id } }] }] }] });
    expect(html).toBe(`<p><span data-thread-id="${id}" class="comment-anchor">x</span></p>`);
  });
});

describe('documents nested far too deep', () => {
  it('are refused with a message, not a stack overflow (JSON.stringify of them would throw)', () => {
    let node: unknown = { type: 'paragraph' };
    for (let i = 0; i < 100_000; i++) node = { type: 'bulletList', content: [node] };
    const result = validateProfileDoc({ type: 'doc', content: [node] });
    expect(result).toMatchObject({ ok: false, code: 'doc_invalid' });
    expect(!result.ok && result.message).toMatch(/nested too deeply/);
  });
});
