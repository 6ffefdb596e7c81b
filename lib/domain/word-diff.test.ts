import { describe, expect, it } from 'vitest';
import { diffDocs } from './word-diff';

const bullets = (...items: string[]) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }],
});

describe('diffDocs', () => {
  it('marks changed words, not whole lines', () => {
    const { left, right } = diffDocs(bullets('Huaquillas has a health unit since 2021.'), bullets('Huaquillas has a mobile health unit since 2022.'));
    expect(right.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['mobile', '2022']);
    expect(left.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['2021']);
    expect(left.map((p) => p.text).join('')).toBe('• Huaquillas has a health unit since 2021.');
    expect(right.map((p) => p.text).join('')).toBe('• Huaquillas has a mobile health unit since 2022.');
  });

  it('shows an added bullet as added text', () => {
    const { right } = diffDocs(bullets('One'), bullets('One', 'Two'));
    expect(right.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('Two');
  });

  it('finds nothing between equal documents', () => {
    const { left, right } = diffDocs(bullets('Same'), bullets('Same'));
    expect([...left, ...right].every((p) => p.kind === 'same')).toBe(true);
  });
});
