import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentions, insertMention, matchCandidates, mentionQueryAt, type Mentionable } from './mentions';

const ana = { id: 'ana', name: 'Ana' };
const anaMaria = { id: 'ana-maria', name: 'Ana María López' };
const ines = { id: 'ines', name: 'Inès Dupont' };
const people: Mentionable[] = [ana, anaMaria, ines];

describe('findMentions', () => {
  it('finds names with spaces, the longest that matches, case and accents aside', () => {
    expect(findMentions('@Ana María López could you check?', people)).toEqual(['ana-maria']);
    expect(findMentions('@ana maria lopez, @Ana: both', people)).toEqual(['ana-maria', 'ana']);
    expect(findMentions('cc @ines dupont.', people)).toEqual(['ines']);
  });

  it('needs a word boundary on both sides', () => {
    expect(findMentions('@Anabel is not Ana', people)).toEqual([]);
    expect(findMentions('write to ana@example.org', people)).toEqual([]);
    expect(findMentions('(@Ana)', people)).toEqual(['ana']);
  });

  it('names each person once, in order of first mention', () => {
    expect(findMentions('@Inès Dupont @Ana @Inès Dupont', people)).toEqual(['ines', 'ana']);
  });

  it('mentions both people who share one name', () => {
    expect(findMentions('@Ana', [ana, { id: 'ana-2', name: 'Ana' }])).toEqual(['ana', 'ana-2']);
  });

  const name = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0 && /[\p{L}\p{N}]$/u.test(s.trim()));
  const candidates = fc.uniqueArray(fc.record({ id: fc.uuid(), name }), { maxLength: 6, selector: (c) => c.id });

  it('finds nothing in any text without an @', () => {
    fc.assert(
      fc.property(fc.string(), candidates, (text, list) => {
        expect(findMentions(text.replaceAll('@', ''), list)).toEqual([]);
      }),
    );
  });

  it('only ever answers ids of candidates, each once, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), candidates, (text, list) => {
        const found = findMentions(text, list);
        expect(new Set(found).size).toBe(found.length);
        for (const id of found) expect(list.map((c) => c.id)).toContain(id);
      }),
    );
  });

  // When one name starts another ("Ana", "Ana María"), the longer one rightly wins; leave those out here.
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const distinct = candidates.filter((l) => l.length > 0 && l.every((a) => l.every((b) => a === b || !fold(b.name).startsWith(fold(a.name)))));

  it('finds a candidate written after @ between any words that leave the name whole', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), distinct, fc.nat(), (before, after, list, pick) => {
        const who = list[pick % list.length];
        const text = `${before} @${who.name.trim()} ${after}`;
        expect(findMentions(text, list)).toContain(who.id);
      }),
    );
  });
});

describe('the picker', () => {
  it('follows the mention being typed at the caret', () => {
    expect(mentionQueryAt('Hello @An', 9)).toEqual({ start: 6, query: 'An' });
    expect(mentionQueryAt('Hello @Ana María', 16)).toEqual({ start: 6, query: 'Ana María' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail ana@exa', 12)).toBeNull();
    expect(mentionQueryAt('@Ana\nnext line', 14)).toBeNull();
    expect(mentionQueryAt('@ nobody', 8)).toBeNull();
  });

  it('never reads past the caret or crashes, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, n) => {
        const caret = n % (text.length + 1);
        const q = mentionQueryAt(text, caret);
        if (q) {
          expect(text[q.start]).toBe('@');
          expect(q.start + 1 + q.query.length).toBe(caret);
        }
      }),
    );
  });

  it('offers names starting with the query first, then names with a word starting with it', () => {
    expect(matchCandidates('du', people).map((p) => p.id)).toEqual(['ines']);
    expect(matchCandidates('an', people).map((p) => p.id)).toEqual(['ana', 'ana-maria']);
    expect(matchCandidates('lo', people).map((p) => p.id)).toEqual(['ana-maria']);
    expect(matchCandidates('ine', people).map((p) => p.id)).toEqual(['ines']);
    expect(matchCandidates('', people)).toHaveLength(3);
    expect(matchCandidates('zz', people)).toEqual([]);
  });

  it('replaces the typed mention by the whole name, and the parser then finds that person', () => {
    const typed = 'Please check @ana m';
    const done = insertMention(typed, 13, typed.length, anaMaria.name);
    expect(done).toEqual({ text: 'Please check @Ana María López ', caret: 30 });
    expect(findMentions(done.text, people)).toEqual(['ana-maria']);
  });
});
