import { EditorState } from '@tiptap/pm/state';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { profileSchema } from './schema';
import { MAX_SUGGESTION_COMMENT, readSuggestionComment, setSuggestionComment } from './suggestion-comment';
import { checkSuggestOnlyChange } from './suggestion-rule';
import { extractSuggestions } from './suggestions';
import { validateProfileDoc } from './validate-doc';

const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const AT = '2026-12-02T12:00:00.000Z';
const MINE = '00000000-0000-4000-8000-000000000001';
const THEIRS = '00000000-0000-4000-8000-000000000002';
const mark = (type: 'insertion' | 'deletion', id: string, authorId: string) => ({ type, attrs: { id, authorId, authorName: authorId === ME ? 'Me' : 'Other', at: AT, comment: null } });
const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });

// "The city [welcomes→receives] migrants [and refugees]." — the replacement mine, the insertion theirs.
const START = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [t('The city '), t('welcomes', [mark('deletion', MINE, ME)]), t('receives', [mark('insertion', MINE, ME)]), t(' migrants'), t(' and refugees', [mark('insertion', THEIRS, OTHER)]), t('.')],
    },
  ],
};
const stateOf = (json: unknown) => EditorState.create({ schema: profileSchema(), doc: PMNode.fromJSON(profileSchema(), json) });

function commented(id: string, comment: string | null) {
  const state = stateOf(START);
  const tr = setSuggestionComment(state, id, comment);
  return tr ? state.apply(tr).doc.toJSON() : null;
}

describe('a suggestion’s comment', () => {
  it('goes on every mark of the suggestion (a replacement’s deletion and insertion) and nowhere else', () => {
    const after = commented(MINE, 'Término de la ley 30466')!;
    const open = extractSuggestions(after);
    expect(open.map((s) => [s.id, s.comment])).toEqual([
      [MINE, 'Término de la ley 30466'],
      [THEIRS, null],
    ]);
    const marks = JSON.stringify(after).match(/"comment":"Término de la ley 30466"/g);
    expect(marks).toHaveLength(2);
    expect(validateProfileDoc(after).ok).toBe(true);
  });

  it('the author may add, change and remove their own comment: the server’s rule accepts it', () => {
    const added = commented(MINE, 'Término de la ley')!;
    expect(checkSuggestOnlyChange(START, added, ME)).toEqual({ ok: true });
    const changed = (() => {
      const state = stateOf(added);
      return state.apply(setSuggestionComment(state, MINE, 'Otro término')!).doc.toJSON();
    })();
    expect(checkSuggestOnlyChange(added, changed, ME)).toEqual({ ok: true });
    expect(checkSuggestOnlyChange(changed, START, ME)).toEqual({ ok: true });
  });

  it('nobody who may only suggest changes someone else’s comment', () => {
    const onTheirs = commented(THEIRS, 'I disagree')!;
    expect(checkSuggestOnlyChange(START, onTheirs, ME)).toEqual({ ok: false, reason: 'others_suggestion', suggestionId: THEIRS });
    // Nor changes it back once they wrote one.
    expect(checkSuggestOnlyChange(onTheirs, START, ME)).toEqual({ ok: false, reason: 'others_suggestion', suggestionId: THEIRS });
  });

  it('there is nothing to comment on a suggestion that is gone', () => {
    expect(setSuggestionComment(stateOf(START), '00000000-0000-4000-8000-000000000009', 'x')).toBeNull();
  });

  it('is trimmed, empty means none, and at most a few lines long (the server refuses a longer one)', () => {
    expect(readSuggestionComment('  según   la ley\n ')).toEqual({ ok: true, comment: 'según la ley' });
    expect(readSuggestionComment('   ')).toEqual({ ok: true, comment: null });
    expect(readSuggestionComment('x'.repeat(MAX_SUGGESTION_COMMENT))).toEqual({ ok: true, comment: 'x'.repeat(MAX_SUGGESTION_COMMENT) });
    expect(readSuggestionComment('x'.repeat(MAX_SUGGESTION_COMMENT + 1))).toEqual({ ok: false, reason: 'too_long' });
    const tooLong = JSON.parse(JSON.stringify(START).replace('"comment":null', `"comment":"${'x'.repeat(MAX_SUGGESTION_COMMENT + 1)}"`));
    expect(validateProfileDoc(tooLong)).toMatchObject({ ok: false, message: expect.stringContaining('comment') });
  });
});
