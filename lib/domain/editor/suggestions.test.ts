import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSuggestOnlyChange } from './suggestion-rule';
import { acceptAllSuggestions, decideSuggestion, extractSuggestions, hasOpenSuggestions, rejectAllSuggestions } from './suggestions';
import { renderDocHtml } from './render-html';
import { textBlocks } from './doc-text';
import { validateProfileDoc } from './validate-doc';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const AT = '2026-12-02T12:00:00.000Z';
const sid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const mark = (type: 'insertion' | 'deletion', id: string, authorId = ME, authorName = authorId === ME ? 'Me' : 'Other') => ({
  type,
  attrs: { id, authorId, authorName, at: AT, comment: null },
});
const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const doc = (...paragraphs: object[][]) => ({ type: 'doc', content: paragraphs.map((content) => ({ type: 'paragraph', content })) });

// "The city [welcomes→receives] migrants [and refugees]." with two authors.
const suggested = doc([
  t('The city '),
  t('welcomes', [mark('deletion', sid(1))]),
  t('receives', [mark('insertion', sid(1))]),
  t(' migrants'),
  t(' and refugees', [mark('insertion', sid(2), OTHER)]),
  t('.'),
]);

describe('suggestions in a document', () => {
  it('is a valid document of the shared schema', () => {
    expect(validateProfileDoc(suggested).ok).toBe(true);
  });

  it('lists each open suggestion once, with its kind, author and text', () => {
    expect(extractSuggestions(suggested)).toEqual([
      expect.objectContaining({ id: sid(1), kind: 'replace', authorId: ME, authorName: 'Me', inserted: 'receives', deleted: 'welcomes', at: AT }),
      expect.objectContaining({ id: sid(2), kind: 'insert', authorId: OTHER, inserted: ' and refugees', deleted: '' }),
    ]);
  });

  it('rejects all: the text as it was', () => {
    expect(rejectAllSuggestions(suggested)).toEqual(doc([t('The city welcomes migrants.')]));
  });

  it('accepts all: the text as suggested', () => {
    expect(acceptAllSuggestions(suggested)).toEqual(doc([t('The city receives migrants and refugees.')]));
  });

  it('decides one and leaves the others open', () => {
    const accepted = decideSuggestion(suggested, sid(1), 'accept');
    expect(extractSuggestions(accepted).map((s) => s.id)).toEqual([sid(2)]);
    expect(rejectAllSuggestions(accepted)).toEqual(doc([t('The city receives migrants.')]));
    const rejected = decideSuggestion(suggested, sid(2), 'reject');
    expect(acceptAllSuggestions(rejected)).toEqual(doc([t('The city receives migrants.')]));
    expect(hasOpenSuggestions(decideSuggestion(rejected, sid(1), 'reject'))).toBe(false);
  });

  it('drops a paragraph whose every word was deleted, and the anchors of edge suggestions', () => {
    const d = doc([t('Keep.')], [t('Gone', [mark('deletion', sid(3))])], [t('\u200B', [mark('insertion', sid(4))]), t('new', [mark('insertion', sid(4))])]);
    expect(acceptAllSuggestions(d)).toEqual(doc([t('Keep.')], [t('new')]));
    expect(rejectAllSuggestions(d)).toEqual(doc([t('Keep.')], [t('Gone')]));
  });

  it('never shows open suggestions in rendered HTML or text', () => {
    const html = renderDocHtml(suggested);
    expect(html).toBe('<p>The city welcomes migrants.</p>');
    expect(textBlocks(suggested)).toEqual(['The city welcomes migrants.']);
  });
});

describe('the suggest-only rule', () => {
  const base = doc([t('The city welcomes migrants.')]);

  it('allows adding, changing and withdrawing one’s own suggestion', () => {
    const added = doc([t('The city '), t('welcomes', [mark('deletion', sid(1))]), t('receives', [mark('insertion', sid(1))]), t(' migrants.')]);
    expect(checkSuggestOnlyChange(base, added, ME)).toEqual({ ok: true });
    const changed = doc([t('The city '), t('welcomes', [mark('deletion', sid(1))]), t('hosts', [mark('insertion', sid(1))]), t(' migrants.')]);
    expect(checkSuggestOnlyChange(added, changed, ME)).toEqual({ ok: true });
    expect(checkSuggestOnlyChange(changed, base, ME)).toEqual({ ok: true });
  });

  it('refuses plain edits, accepting, and touching someone else’s suggestion', () => {
    expect(checkSuggestOnlyChange(base, doc([t('The town welcomes migrants.')]), ME)).toMatchObject({ ok: false, reason: 'text_changed' });
    expect(checkSuggestOnlyChange(base, doc([t('The city migrants.')]), ME)).toMatchObject({ ok: false, reason: 'text_changed' });
    const mine = doc([t('The city welcomes'), t(' all', [mark('insertion', sid(1))]), t(' migrants.')]);
    expect(checkSuggestOnlyChange(mine, doc([t('The city welcomes all migrants.')]), ME)).toMatchObject({ ok: false, reason: 'text_changed' });
    const theirs = doc([t('The city welcomes'), t(' all', [mark('insertion', sid(2), OTHER)]), t(' migrants.')]);
    expect(checkSuggestOnlyChange(theirs, base, ME)).toMatchObject({ ok: false, reason: 'others_suggestion' });
    const altered = doc([t('The city welcomes'), t(' every', [mark('insertion', sid(2), OTHER)]), t(' migrants.')]);
    expect(checkSuggestOnlyChange(theirs, altered, ME)).toMatchObject({ ok: false, reason: 'others_suggestion' });
    const moved = doc([t('The city'), t(' all', [mark('insertion', sid(2), OTHER)]), t(' welcomes migrants.')]);
    expect(checkSuggestOnlyChange(theirs, moved, ME)).toMatchObject({ ok: false, reason: 'others_suggestion' });
    expect(checkSuggestOnlyChange(base, theirs, ME)).toMatchObject({ ok: false, reason: 'forged_author' });
  });

  it('refuses a suggestion that names someone else, or a time far from now, as its author', () => {
    const signer = { name: 'Me', now: new Date(AT) };
    const by = (authorName: string, at = AT) => doc([t('The city welcomes'), t(' all', [{ type: 'insertion', attrs: { id: sid(1), authorId: ME, authorName, at, comment: null } }]), t(' migrants.')]);
    expect(checkSuggestOnlyChange(base, by('Me'), ME, signer)).toEqual({ ok: true });
    expect(checkSuggestOnlyChange(base, by('Me', '2026-12-02T20:00:00.000Z'), ME, signer)).toEqual({ ok: true }); // a clock some hours off
    expect(checkSuggestOnlyChange(base, by('Lucía Focal (Lima)'), ME, signer)).toMatchObject({ ok: false, reason: 'forged_author' });
    expect(checkSuggestOnlyChange(base, by('Me', '2024-01-01T09:00:00.000Z'), ME, signer)).toMatchObject({ ok: false, reason: 'forged_author' });
    expect(checkSuggestOnlyChange(base, by('Me', 'yesterday'), ME, signer)).toMatchObject({ ok: false, reason: 'forged_author' });
    // Once made, its name and time stay, whoever's clock or name says otherwise later.
    expect(checkSuggestOnlyChange(by('Me'), by('Someone else'), ME)).toMatchObject({ ok: false, reason: 'forged_author' });
    expect(checkSuggestOnlyChange(by('Me'), by('Me', '2026-12-01T12:00:00.000Z'), ME)).toMatchObject({ ok: false, reason: 'forged_author' });
    // A suggestion made before a rename may still be added to.
    const longer = doc([t('The city welcomes'), t(' all the', [{ type: 'insertion', attrs: { id: sid(1), authorId: ME, authorName: 'Old name', at: AT, comment: null } }]), t(' migrants.')]);
    const old = doc([t('The city welcomes'), t(' all', [{ type: 'insertion', attrs: { id: sid(1), authorId: ME, authorName: 'Old name', at: AT, comment: null } }]), t(' migrants.')]);
    expect(checkSuggestOnlyChange(old, longer, ME, signer)).toEqual({ ok: true });
  });

  it('refuses a new paragraph, even one made only of suggested text', () => {
    const split = doc([t('The city '), t('\u200B', [mark('insertion', sid(1))])], [t('\u200B', [mark('insertion', sid(1))]), t('welcomes migrants.')]);
    expect(checkSuggestOnlyChange(base, split, ME)).toMatchObject({ ok: false, reason: 'text_changed' });
  });
});

// Random documents of plain words with random suggestions by two authors.
const word = fc.stringMatching(/^[a-z]{1,6} $/);
const piece = fc.record({ text: word, kind: fc.constantFrom('plain', 'insertion', 'deletion'), id: fc.integer({ min: 1, max: 4 }), author: fc.constantFrom(ME, OTHER) });
const arbitraryDoc = fc.array(fc.array(piece, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }).map((paragraphs) =>
  doc(
    ...paragraphs.map((pieces) =>
      pieces.map((p) => (p.kind === 'plain' ? t(p.text) : t(p.text, [mark(p.kind as 'insertion' | 'deletion', sid(p.author === ME ? p.id : p.id + 10), p.author)]))),
    ),
  ),
).map((d) => {
  // As stored: ProseMirror's own JSON (adjacent texts with the same marks joined).
  const checked = validateProfileDoc(d);
  if (!checked.ok) throw new Error(checked.message);
  return checked.doc as ReturnType<typeof doc>;
});
const normalise = (d: unknown) => rejectAllSuggestions(acceptAllSuggestions(d));

describe('properties', () => {
  it('deciding every suggestion leaves none open, and rejecting all is stable', () => {
    fc.assert(
      fc.property(arbitraryDoc, (d) => {
        expect(hasOpenSuggestions(acceptAllSuggestions(d))).toBe(false);
        expect(hasOpenSuggestions(rejectAllSuggestions(d))).toBe(false);
        expect(rejectAllSuggestions(rejectAllSuggestions(d))).toEqual(rejectAllSuggestions(d));
        let decided = d;
        for (const s of extractSuggestions(d)) decided = decideSuggestion(decided, s.id, 'reject');
        expect(decided).toEqual(rejectAllSuggestions(d));
        expect(normalise(d)).toEqual(acceptAllSuggestions(d));
      }),
    );
  });

  it('a document never breaks the rule against itself; withdrawing only one’s own suggestions keeps it', () => {
    fc.assert(
      fc.property(arbitraryDoc, (d) => {
        expect(checkSuggestOnlyChange(d, d, ME)).toEqual({ ok: true });
        let withdrawn = d;
        for (const s of extractSuggestions(d)) if (s.authorId === ME) withdrawn = decideSuggestion(withdrawn, s.id, 'reject');
        expect(checkSuggestOnlyChange(d, withdrawn, ME)).toEqual({ ok: true });
      }),
    );
  });

  it('rejecting or accepting anyone’s suggestion, or editing the text, is refused to a suggester', () => {
    fc.assert(
      fc.property(arbitraryDoc, fc.nat(), fc.constantFrom('accept', 'reject') as fc.Arbitrary<'accept' | 'reject'>, (d, pick, decision) => {
        const open = extractSuggestions(d).filter((s) => decision === 'accept' || s.authorId !== ME);
        fc.pre(open.length > 0);
        const target = open[pick % open.length];
        const after = decideSuggestion(d, target.id, decision);
        const changesText = JSON.stringify(rejectAllSuggestions(after)) !== JSON.stringify(rejectAllSuggestions(d));
        fc.pre(changesText || target.authorId !== ME);
        expect(checkSuggestOnlyChange(d, after, ME).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(arbitraryDoc, word, (d, extra) => {
        const edited = { ...d, content: [...d.content, { type: 'paragraph', content: [t(extra)] }] };
        expect(checkSuggestOnlyChange(d, edited, ME)).toMatchObject({ ok: false, reason: 'text_changed' });
      }),
    );
  });
});
