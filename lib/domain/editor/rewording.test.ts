import { describe, expect, it } from 'vitest';
import { rewords } from './rewording';

const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const doc = (...content: object[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const insertion = { type: 'insertion', attrs: { id: 's1', authorId: 'u1', authorName: 'Ana', at: '2026-12-05T10:00:00.000Z', comment: null } };
const comment = { type: 'comment', attrs: { threadId: '00000000-0000-4000-8000-000000000001' } };

describe('rewords', () => {
  const base = doc(t('The city welcomes migrants.'));

  it('does not count suggesting, withdrawing a suggestion or marking a comment as changing the words', () => {
    const suggested = doc(t('The city welcomes'), t(' all', [insertion]), t(' migrants.'));
    expect(rewords(base, suggested)).toBe(false);
    expect(rewords(suggested, base)).toBe(false);
    expect(rewords(base, doc(t('The city '), t('welcomes', [comment]), t(' migrants.')))).toBe(false);
  });

  it('counts an edit, and accepting a suggestion, as changing the words', () => {
    expect(rewords(base, doc(t('The town welcomes migrants.')))).toBe(true);
    expect(rewords(doc(t('The city welcomes'), t(' all', [insertion]), t(' migrants.')), doc(t('The city welcomes all migrants.')))).toBe(true);
  });

  it('counts a text with nothing known before it as changing the words', () => {
    expect(rewords(undefined, base)).toBe(true);
    expect(rewords(null, base)).toBe(true);
  });
});
