import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText } from './editor/doc-text';
import { changedSections, partChanges, roundIsOpen, threadOutcome } from './changes-since-review';

const AT = '2026-12-02T10:00:00.000Z';
const text = (value: string, marks?: object[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const doc = (...paragraphs: object[][]) => ({ type: 'doc', content: paragraphs.map((content) => ({ type: 'paragraph', ...(content.length ? { content } : {}) })) });
const para = (...lines: string[]) => doc(...lines.map((l) => (l ? [text(l)] : [])));
const insertion = { type: 'insertion', attrs: { id: '7f1c1f4e-4c57-4a3e-9f0a-0d3f4f0b5a11', authorId: null, authorName: 'Fiona', at: AT, comment: null } };
const comment = { type: 'comment', attrs: { threadId: '1b0e7a8c-4b33-4d2e-8a40-3c7a3f6c2d10' } };

describe('partChanges', () => {
  it('finds the words a consultant changed, and says the other part did not change', () => {
    const [strengths, potential] = partChanges([
      { section: 'migrants_rights', part: 'strengths', reviewed: para('The city welcomes migrants.'), current: para('The city receives migrants and refugees.') },
      { section: 'migrants_rights', part: 'potential', reviewed: para('Same words.'), current: para('Same words.') },
    ]);
    expect(strengths.changed).toBe(true);
    expect(strengths.pieces.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['welcomes']);
    expect(strengths.pieces.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['receives', 'and refugees']);
    expect(potential).toEqual({ section: 'migrants_rights', part: 'potential', changed: false, pieces: [{ text: 'Same words.', kind: 'same' }] });
  });

  it('counts neither a pending suggestion nor a comment mark as a change, but an accepted suggestion is one', () => {
    const reviewed = doc([text('The city welcomes migrants'), text(' and refugees', [insertion]), text('.')]);
    const [pending] = partChanges([{ section: 'introduction', part: 'body', reviewed, current: doc([text('The city '), text('welcomes', [comment]), text(' migrants.')]) }]);
    expect(pending.changed).toBe(false);
    const [accepted] = partChanges([{ section: 'introduction', part: 'body', reviewed, current: para('The city welcomes migrants and refugees.') }]);
    expect(accepted.changed).toBe(true);
  });

  it('unchanged text is never a change, whatever marks it carries', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), fc.boolean(), (lines, marked) => {
        const current = doc(...lines.map((l) => (l ? [text(l, marked ? [comment] : undefined)] : [])));
        const [change] = partChanges([{ section: 'well_being', part: 'potential', reviewed: para(...lines), current }]);
        expect(change.changed).toBe(false);
        expect(change.pieces.every((p) => p.kind === 'same')).toBe(true);
      }),
    );
  });

  it('the diff gives back both texts: the reviewed one without additions, the current one without removals', () => {
    const words = fc.array(fc.constantFrom('la', 'ciudad', 'acoge', 'migrantes', ' ', '  ', '.', ',', 'é', '\t'), { maxLength: 12 }).map((w) => w.join(''));
    fc.assert(
      fc.property(fc.array(words, { maxLength: 4 }), fc.array(words, { maxLength: 4 }), (before, after) => {
        const reviewed = para(...before);
        const current = para(...after);
        const [change] = partChanges([{ section: 'partnerships', part: 'strengths', reviewed, current }]);
        expect(change.pieces.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(plainText(reviewed));
        expect(change.pieces.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(plainText(current));
        expect(change.changed).toBe(plainText(reviewed) !== plainText(current));
      }),
    );
  });
});

describe('changedSections', () => {
  it('names a section once when any of its parts changed', () => {
    const changes = partChanges([
      { section: 'partnerships', part: 'strengths', reviewed: para('A'), current: para('B') },
      { section: 'partnerships', part: 'potential', reviewed: para('C'), current: para('D') },
      { section: 'well_being', part: 'strengths', reviewed: para('E'), current: para('E') },
    ]);
    expect([...changedSections(changes)]).toEqual(['partnerships']);
  });
});

describe('roundIsOpen', () => {
  it('is open from changes requested until approval', () => {
    expect(roundIsOpen('draft')).toBe(true);
    expect(roundIsOpen('in_review')).toBe(true);
    expect(roundIsOpen('approved')).toBe(false);
    expect(roundIsOpen('published')).toBe(false);
  });
});

describe('threadOutcome', () => {
  const me = 'me';
  const mine = { authorId: me, since: false };

  it('resolved since the review: resolved; resolved before it: nothing to tell', () => {
    expect(threadOutcome({ status: 'resolved', resolvedSince: true, comments: [mine] }, me)).toBe('resolved');
    expect(threadOutcome({ status: 'resolved', resolvedSince: false, comments: [mine] }, me)).toBeNull();
  });

  it('answered when someone else wrote since; my own later words or older answers do not count', () => {
    expect(threadOutcome({ status: 'open', resolvedSince: false, comments: [mine, { authorId: 'carla', since: true }] }, me)).toBe('answered');
    expect(threadOutcome({ status: 'open', resolvedSince: false, comments: [mine, { authorId: me, since: true }] }, me)).toBe('waiting');
    expect(threadOutcome({ status: 'open', resolvedSince: false, comments: [mine, { authorId: 'carla', since: false }] }, me)).toBe('waiting');
    // An author since removed (null) is someone else.
    expect(threadOutcome({ status: 'open', resolvedSince: false, comments: [mine, { authorId: null, since: true }] }, me)).toBe('answered');
    // Reopened after being resolved since: open again, and answered if someone wrote.
    expect(threadOutcome({ status: 'open', resolvedSince: false, comments: [mine] }, me)).toBe('waiting');
  });
});
