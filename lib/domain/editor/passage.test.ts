import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { anchoredThreadIds, describePassage, flattenDoc, locatePassage, normalizeQuote, occurrencesBefore } from './passage';
import { profileSchema } from './schema';

const p = (...texts: string[]) => ({ type: 'paragraph', content: texts.map((text) => ({ type: 'text', text })) });
const li = (text: string) => ({ type: 'listItem', content: [p(text)] });
const node = (...content: unknown[]) => PMNode.fromJSON(profileSchema(), { type: 'doc', content });

describe('flattenDoc', () => {
  it('joins blocks with one space and collapses whitespace', () => {
    const doc = node(p('Ley de  Movilidad\u00a0Humana.'), { type: 'bulletList', content: [li('Uno'), li(' dos ')] });
    expect(flattenDoc(doc).text).toBe('Ley de Movilidad Humana. Uno dos ');
  });
});

describe('locatePassage', () => {
  const doc = node(p('La ley protege. La ley obliga.'), p('Fin de la ley.'));

  it('finds the first occurrence by default', () => {
    const range = locatePassage(doc, 'La ley')!;
    expect(doc.textBetween(range.from, range.to)).toBe('La ley');
    expect(range.from).toBe(1);
  });

  it('finds a later occurrence', () => {
    const range = locatePassage(doc, 'la ley', 0)!;
    expect(doc.textBetween(range.from, range.to)).toBe('la ley');
    expect(range.from).toBeGreaterThan(30);
    const second = locatePassage(doc, 'La ley', 1)!;
    expect(doc.textBetween(second.from, second.to)).toBe('La ley');
    expect(second.from).toBe(17);
  });

  it('matches across blocks and with other whitespace', () => {
    const range = locatePassage(doc, 'obliga.\n\n  Fin')!;
    expect(doc.textBetween(range.from, range.to, ' ')).toBe('obliga. Fin');
  });

  it('answers null for a passage that is not there, or an occurrence too far', () => {
    expect(locatePassage(doc, 'no existe')).toBeNull();
    expect(locatePassage(doc, 'La ley', 2)).toBeNull();
    expect(locatePassage(doc, '   ')).toBeNull();
  });
});

describe('describePassage', () => {
  const doc = node(p('La ley protege. La ley obliga.'), { type: 'bulletList', content: [li('La ley'), li('otra')] });

  it.each([
    [17, 23],
    [1, 7],
    [5, 40],
    [20, 45],
  ])('names the selection %i–%i so that locatePassage finds it again', (from, to) => {
    const named = describePassage(doc, from, to)!;
    expect(named.quote).toBe(normalizeQuote(doc.textBetween(from, to, ' ')));
    const back = locatePassage(doc, named.quote, named.occurrence)!;
    expect(normalizeQuote(doc.textBetween(back.from, back.to, ' '))).toBe(named.quote);
    expect(back.from).toBeGreaterThanOrEqual(from);
    expect(back.to).toBeLessThanOrEqual(to);
  });

  it('counts which occurrence a repeated passage is', () => {
    expect(describePassage(doc, 17, 23)).toEqual({ quote: 'La ley', occurrence: 1 });
    expect(occurrencesBefore('aaa', 'aa', 1)).toBe(1);
  });

  it('answers null for an empty or blank selection', () => {
    expect(describePassage(doc, 5, 5)).toBeNull();
    expect(describePassage(node(p('a  b')), 2, 3)).toBeNull();
  });
});

describe('anchoredThreadIds', () => {
  it('collects the thread ids of comment marks, nested anywhere', () => {
    const id = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
    const doc = {
      type: 'doc',
      content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 'comment', attrs: { threadId: id } }] }] }] }] }],
    };
    expect([...anchoredThreadIds(doc)]).toEqual([id]);
    expect(anchoredThreadIds({ type: 'doc', content: [p('x')] }).size).toBe(0);
  });
});
