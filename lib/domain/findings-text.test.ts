import { describe, expect, it } from 'vitest';
import { findingsOf } from './findings-text';

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const li = (...content: unknown[]) => ({ type: 'listItem', content });

describe('findingsOf', () => {
  it('gives one entry per bullet and per loose paragraph, marks dropped, nested items after their parent', () => {
    const doc = {
      type: 'doc',
      content: [
        p(t('Intro  line')),
        {
          type: 'bulletList',
          content: [
            li(p(t('La '), t('municipalidad', [{ type: 'bold' }]), t(' ofrece'))),
            li(p(t('Parent')), { type: 'orderedList', content: [li(p(t('Child one'))), li(p(t('Child'), { type: 'hardBreak' }, t('two')))] }),
            li(p()),
          ],
        },
      ],
    };
    expect(findingsOf(doc)).toEqual(['Intro line', 'La municipalidad ofrece', 'Parent', 'Child one', 'Child two']);
  });

  it('is empty for nothing', () => {
    expect(findingsOf(null)).toEqual([]);
    expect(findingsOf({ type: 'doc' })).toEqual([]);
  });
});
