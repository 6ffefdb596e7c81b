import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainText } from './editor/doc-text';
import { diffDocs, inlineDiff } from './word-diff';

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

describe('inlineDiff', () => {
  it('puts removed words before the added ones that replace them, in reading order', () => {
    expect(inlineDiff(bullets('since 2021.'), bullets('since 2022.'))).toEqual([
      { text: '• since ', kind: 'same' },
      { text: '2021', kind: 'removed' },
      { text: '2022', kind: 'added' },
      { text: '.', kind: 'same' },
    ]);
  });

  it('holds exactly the pieces of both sides of diffDocs', () => {
    const older = bullets('Huaquillas has a health unit since 2021.');
    const newer = bullets('Huaquillas has a mobile health unit since 2022.', 'New');
    const { left, right } = diffDocs(older, newer);
    const pieces = inlineDiff(older, newer);
    expect(pieces.filter((p) => p.kind !== 'added')).toEqual(left);
    expect(pieces.filter((p) => p.kind !== 'removed')).toEqual(right);
  });
});

describe('runs of change', () => {
  const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

  it('reads a replaced phrase as one removal and one addition, not word by word', () => {
    expect(inlineDiff(para('La ventanilla única atiende.'), para('La oficina de atención atiende.'))).toEqual([
      { text: 'La ', kind: 'same' },
      { text: 'ventanilla única', kind: 'removed' },
      { text: 'oficina de atención', kind: 'added' },
      { text: ' atiende.', kind: 'same' },
    ]);
  });

  it('gives back both texts exactly, whatever the spaces', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'ciudad', ' ', '  ', '\t', '\u00a0', '.', '\n'), { maxLength: 16 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const pieces = inlineDiff(para(before), para(after));
        expect(pieces.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(plainText(para(before)));
        expect(pieces.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(plainText(para(after)));
        // Never two pieces of the same kind in a row: each run is one piece.
        pieces.forEach((p, i) => i > 0 && expect(p.kind === 'same' && pieces[i - 1]!.kind === 'same').toBe(false));
      }),
    );
  });
});
