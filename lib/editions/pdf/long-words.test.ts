import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLongWords, LONGEST_WORD } from './long-words';
import { docBlocks } from './rich-blocks';

const longestRun = (text: string) => Math.max(0, ...text.split(/[\s\u200B]+/u).map((w) => Array.from(w).length));

describe('breakLongWords', () => {
  it('leaves ordinary text as it is', () => {
    const text = 'Las personas migrantes tienen acceso a los servicios de salud (Ley 1350, art. 4).';
    expect(breakLongWords(text)).toBe(text);
  });

  it('breaks a run longer than a word may be, and only adds invisible breaks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const out = breakLongWords(text);
        expect(out.replaceAll('\u200B', '')).toBe(text.replaceAll('\u200B', ''));
        expect(longestRun(out)).toBeLessThanOrEqual(LONGEST_WORD);
      }),
    );
    expect(breakLongWords('W'.repeat(250))).toBe(['W'.repeat(100), 'W'.repeat(100), 'W'.repeat(50)].join('\u200B'));
  });

  it('does not split a character made of two code units', () => {
    const out = breakLongWords('😀'.repeat(300));
    expect(out.split('\u200B').every((part) => Array.from(part).every((c) => c === '😀'))).toBe(true);
  });
});

describe('what the PDF lays out', () => {
  it('holds no word longer than LONGEST_WORD, whatever the text stored (a 30,000-character one took pdfkit a minute)', () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Antes ${'W'.repeat(30_000)} después` }] }] };
    const [block] = docBlocks(doc);
    expect(block.runs.every((run) => longestRun(run.text) <= LONGEST_WORD)).toBe(true);
    expect(block.runs.map((r) => r.text).join('').replaceAll('\u200B', '')).toBe(`Antes ${'W'.repeat(30_000)} después`);
  });
});
