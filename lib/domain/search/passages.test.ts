import { describe, expect, it } from 'vitest';
import { renderDocHtml } from '../editor/render-html';
import { docPassages, passageAnchor } from './passages';

const p = (...texts: string[]) => ({ type: 'paragraph', ...(texts.length ? { content: texts.map((text) => ({ type: 'text', text })) } : {}) });
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const doc = {
  type: 'doc',
  content: [p('Intro ', 'text'), { type: 'bulletList', content: [li(p('One'), { type: 'bulletList', content: [li(p()), li(p('Nested'))] }), li(p('Two'))] }, p('  ')],
};

describe('docPassages', () => {
  it('numbers every paragraph in reading order, nested bullets included, and keeps the non-empty ones', () => {
    expect(docPassages(doc)).toEqual([
      { ordinal: 1, text: 'Intro text' },
      { ordinal: 2, text: 'One' },
      { ordinal: 4, text: 'Nested' },
      { ordinal: 5, text: 'Two' },
    ]);
  });

  it('gives the rendered paragraphs the same numbers as ids', () => {
    const html = renderDocHtml(doc, { anchorPrefix: 'p-partnerships-strengths' });
    for (const passage of docPassages(doc)) {
      expect(html).toContain(`<p id="${passageAnchor('partnerships', 'strengths', passage.ordinal)}">${passage.text}</p>`);
    }
    expect(renderDocHtml(doc)).not.toContain('id=');
  });
});

describe('hitHref', () => {
  const base = { slug: 'lima', language: 'es', section: 'partnerships', part: 'potential', ordinal: 3 };
  it('links an edition passage to its paragraph, a draft to its section page', async () => {
    const { hitHref } = await import('./hit-href');
    expect(hitHref({ ...base, editionId: 'e', assessmentId: null, year: 2022, month: 8, version: 1 })).toBe('/profiles/lima/2022-08?lang=es#p-partnerships-potential-3');
    expect(hitHref({ ...base, editionId: 'e', assessmentId: null, year: 2022, month: 8, version: 2 })).toBe('/profiles/lima/2022-08-v2?lang=es#p-partnerships-potential-3');
    expect(hitHref({ ...base, editionId: null, assessmentId: 'a1', year: null, month: null, version: null })).toBe('/assessments/a1/sections/partnerships');
  });
});
