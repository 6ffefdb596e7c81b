/* Test corpus of documents a client might send: good ones, and bad ones with the reason. */
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const link = (href: unknown, extra: Record<string, unknown> = {}) => ({ type: 'link', attrs: { href, ...extra } });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const ul = (...items: unknown[]) => ({ type: 'bulletList', content: items });
const comment = (threadId: unknown) => ({ type: 'comment', attrs: { threadId } });
const THREAD = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
const suggestion = (type: string, attrs: Record<string, unknown> = {}) => ({
  type,
  attrs: { id: THREAD, authorId: '0b3c1e5e-2f4d-4a5b-9c6d-7e8f9a0b1c2d', authorName: 'Ana', at: '2026-12-02T10:00:00.000Z', comment: null, ...attrs },
});
const OTHER_THREAD = '0b3c1e5e-2f4d-4a5b-9c6d-7e8f9a0b1c2d';

export const goodDocs: Array<[string, unknown]> = [
  ['an empty paragraph', doc({ type: 'paragraph' })],
  ['plain text', doc(p(t('Desde 2022 la Dirección de Promoción Social…')))],
  ['bold, italic and both', doc(p(t('a', [{ type: 'bold' }]), t('b', [{ type: 'italic' }]), t('c', [{ type: 'bold' }, { type: 'italic' }])))],
  ['an https link', doc(p(t('IOM', [link('https://www.iom.int/')])))],
  ['an http link with a query', doc(p(t('x', [link('http://example.org/a?b=c&d=e#f')])))],
  ['a mailto link', doc(p(t('write', [link('mailto:mgi@iom.int')])))],
  ['a link with the default rel and a title', doc(p(t('x', [link('https://a.org', { rel: 'noopener noreferrer nofollow', target: null, class: null, title: 'A' })])))],
  ['a bullet list', doc(ul(li(p(t('one'))), li(p(t('two')))))],
  ['a numbered list starting at 3', doc({ type: 'orderedList', attrs: { start: 3, type: null }, content: [li(p(t('three')))] })],
  ['a nested list', doc(ul(li(p(t('one')), ul(li(p(t('one.one')))))))],
  ['unicode, emoji and right-to-left text', doc(p(t('Migración segura — 移民 — مهاجر — 👩🏽‍⚕️')))],
  ['several paragraphs and lists', doc(p(t('Intro')), ul(li(p(t('a')))), p(t('Outro')))],
  ['a suggested replacement', doc(p(t('old', [suggestion('deletion')]), t('new', [suggestion('insertion', { comment: 'clearer' })])))],
  ['a passage under a comment thread', doc(p(t('before '), t('commented', [comment(THREAD)]), t(' after')))],
  ['two overlapping comment threads on bold text', doc(p(t('both', [{ type: 'bold' }, comment(THREAD), comment(OTHER_THREAD)])))],
];

const deep = (n: number): unknown => (n === 0 ? p(t('deep')) : ul(li(p(t('x')), deep(n - 1) as object)));
const many = (n: number) => doc(...Array.from({ length: n }, () => p(t('x'))));

export const badDocs: Array<[string, unknown]> = [
  ['null', null],
  ['a string', '<p>hello</p>'],
  ['a number', 42],
  ['an array', [doc(p(t('x')))]],
  ['an object without type', { content: [] }],
  ['a paragraph at the top', p(t('x'))],
  ['a doc with no content', { type: 'doc', content: [] }],
  ['content that is not a list', { type: 'doc', content: { type: 'paragraph' } }],
  ['an unknown node type', doc({ type: 'heading', attrs: { level: 1 }, content: [t('Title')] })],
  ['an image', doc(p({ type: 'image', attrs: { src: 'https://x.org/a.png' } }))],
  ['a code block', doc({ type: 'codeBlock', content: [t('x')] })],
  ['a table', doc({ type: 'table', content: [] })],
  ['a blockquote', doc({ type: 'blockquote', content: [p(t('x'))] })],
  ['a hard break', doc(p(t('a'), { type: 'hardBreak' }, t('b')))],
  ['an iframe node', doc({ type: 'iframe', attrs: { src: 'https://evil.example' } })],
  ['a script node', doc({ type: 'script', content: [t('alert(1)')] })],
  ['an unknown mark', doc(p(t('x', [{ type: 'underline' }])))],
  ['a code mark', doc(p(t('x', [{ type: 'code' }])))],
  ['a highlight mark with style', doc(p(t('x', [{ type: 'highlight', attrs: { color: 'red' } }])))],
  ['a javascript: link', doc(p(t('x', [link('javascript:alert(1)')])))],
  ['a JaVaScRiPt: link', doc(p(t('x', [link('JaVaScRiPt:alert(document.cookie)')])))],
  ['a javascript link with a tab', doc(p(t('x', [link('java\tscript:alert(1)')])))],
  ['a javascript link with a newline', doc(p(t('x', [link('javascript\n:alert(1)')])))],
  ['a javascript link with leading spaces and NUL', doc(p(t('x', [link(' \u0000javascript:alert(1)')])))],
  ['an entity-encoded javascript link', doc(p(t('x', [link('&#106;avascript:alert(1)')])))],
  ['a data: link', doc(p(t('x', [link('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')])))],
  ['a vbscript: link', doc(p(t('x', [link('vbscript:msgbox(1)')])))],
  ['a file: link', doc(p(t('x', [link('file:///etc/passwd')])))],
  ['an ftp link', doc(p(t('x', [link('ftp://example.org/file')])))],
  ['a relative link', doc(p(t('x', [link('/admin')])))],
  ['a protocol-relative link', doc(p(t('x', [link('//evil.example')])))],
  ['a link without href', doc(p(t('x', [{ type: 'link', attrs: { target: '_blank' } }])))],
  ['a link with a numeric href', doc(p(t('x', [link(12345)])))],
  ['a link with an onclick attribute', doc(p(t('x', [link('https://a.org', { onclick: 'alert(1)' })])))],
  ['a link with a style attribute', doc(p(t('x', [link('https://a.org', { style: 'position:fixed' })])))],
  ['a link with a class', doc(p(t('x', [link('https://a.org', { class: 'evil' })])))],
  ['a link with an odd target', doc(p(t('x', [link('https://a.org', { target: 'javascript:alert(1)' })])))],
  ['a link with a custom rel', doc(p(t('x', [link('https://a.org', { rel: 'opener' })])))],
  ['a 3,000-character href', doc(p(t('x', [link(`https://a.org/${'a'.repeat(3000)}`)])))],
  ['an attribute on a paragraph', doc({ type: 'paragraph', attrs: { style: 'color:red' }, content: [t('x')] })],
  ['an onload attribute on the doc', { type: 'doc', attrs: { onload: 'alert(1)' }, content: [p(t('x'))] }],
  ['a numbered list starting at -1', doc({ type: 'orderedList', attrs: { start: -1 }, content: [li(p(t('x')))] })],
  ['a numbered list with a string start', doc({ type: 'orderedList', attrs: { start: '1" onmouseover="alert(1)' }, content: [li(p(t('x')))] })],
  ['a numbered list with an unknown type', doc({ type: 'orderedList', attrs: { type: 'disc' }, content: [li(p(t('x')))] })],
  ['marks on a paragraph', doc({ type: 'paragraph', marks: [{ type: 'bold' }], content: [t('x')] })],
  ['text on a paragraph', doc({ type: 'paragraph', text: 'x' })],
  ['an empty text node', doc(p(t('')))],
  ['a text node with a number', doc(p({ type: 'text', text: 5 }))],
  ['a NUL character in text', doc(p(t('a\u0000b')))],
  ['a bell character in text', doc(p(t('a\u0007b')))],
  ['an unknown field on a node', doc({ type: 'paragraph', content: [t('x')], html: '<script>alert(1)</script>' })],
  ['marks that are not a list', doc(p({ type: 'text', text: 'x', marks: { type: 'bold' } }))],
  ['a suggested insertion without its author', doc(p(t('x', [{ type: 'insertion', attrs: { id: THREAD } }])))],
  ['a suggestion whose id is not a UUID', doc(p(t('x', [suggestion('deletion', { id: 7 })])))],
  ['a suggestion with a bad time', doc(p(t('x', [suggestion('insertion', { at: 'yesterday' })])))],
  ['suggested formatting (a modification mark)', doc(p(t('x', [{ type: 'modification', attrs: { id: THREAD, type: 'mark' } }])))],
  ['a comment mark without a thread', doc(p(t('x', [{ type: 'comment' }])))],
  ['a comment mark with an empty thread id', doc(p(t('x', [comment('')])))],
  ['a comment mark whose thread id is markup', doc(p(t('x', [comment('"><script>alert(1)</script>')])))],
  ['a comment mark with a style', doc(p(t('x', [{ type: 'comment', attrs: { threadId: THREAD, style: 'color:red' } }])))],
  ['a mark that is a string', doc(p({ type: 'text', text: 'x', marks: ['bold'] }))],
  ['text directly in a list', doc(ul(t('x')))],
  ['a paragraph directly in a list', doc(ul(p(t('x'))))],
  ['a list item outside a list', doc(li(p(t('x'))))],
  ['a list item starting with a list', doc(ul(li(ul(li(p(t('x')))))))],
  ['text directly in the doc', doc(t('x'))],
  ['nesting 60 levels deep', doc(deep(60))],
  ['more than 5,000 nodes', many(2600)],
  ['more than 256 KB of text', doc(p(t('x'.repeat(270 * 1024))))],
  ['a NUL character in text (PostgreSQL cannot store it)', doc(p(t('a\u0000b')))],
  ['an unpaired surrogate in text (not valid Unicode)', doc(p(t('a\ud800b')))],
];
