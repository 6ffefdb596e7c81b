import { describe, expect, it } from 'vitest';
import { anchoredThreadIds } from './passage';
import { markPassage, unmarkThread } from './mark-passage';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const doc = (...paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

type Json = { text?: string; marks?: Array<{ type: string; attrs?: { threadId?: string } }>; content?: Json[] };
/** The texts marked by a thread, in order. */
function markedBy(json: unknown, threadId: string): string[] {
  const found: string[] = [];
  const visit = (n: Json) => {
    if (n.text && n.marks?.some((m) => m.type === 'comment' && m.attrs?.threadId === threadId)) found.push(n.text);
    n.content?.forEach(visit);
  };
  visit(json as Json);
  return found;
}

describe('marking a commented passage', () => {
  it('marks the chosen occurrence of the quote and changes no words', () => {
    const marked = markPassage(doc('uno dos uno', 'tres'), 'uno', 1, T1);
    expect(markedBy(marked, T1)).toEqual(['uno']);
    const texts = (marked as { content: Json[] }).content.map((p) => p.content!.map((t) => t.text).join(''));
    expect(texts).toEqual(['uno dos uno', 'tres']);
    // The second "uno" is the marked one: the text before it is left unmarked.
    expect((marked as { content: Json[] }).content[0].content![0]).toEqual({ type: 'text', text: 'uno dos ' });
  });

  it('answers null when the passage is not in the text', () => {
    expect(markPassage(doc('uno dos'), 'cuatro', 0, T1)).toBeNull();
    expect(markPassage(doc('uno dos'), 'uno', 1, T1)).toBeNull();
  });

  it('takes one thread’s mark back and leaves another one on the same words', () => {
    const both = markPassage(markPassage(doc('uno dos'), 'uno dos', 0, T1), 'dos', 0, T2);
    expect([...anchoredThreadIds(both)].sort()).toEqual([T1, T2]);
    const without = unmarkThread(both, T1);
    expect([...anchoredThreadIds(without)]).toEqual([T2]);
    expect(markedBy(without, T2)).toEqual(['dos']);
    expect(unmarkThread(doc('uno dos'), T1)).toEqual(doc('uno dos'));
  });
});
