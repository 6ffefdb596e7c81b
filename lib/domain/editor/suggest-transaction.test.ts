import fc from 'fast-check';
import { EditorState } from '@tiptap/pm/state';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { profileSchema } from './schema';
import { suggestTransaction } from './suggest-transaction';
import { checkSuggestOnlyChange } from './suggestion-rule';
import { extractSuggestions } from './suggestions';

const ME = { id: '11111111-1111-4111-8111-111111111111', name: 'Me' };
const OTHER = '22222222-2222-4222-8222-222222222222';
const AT = '2026-12-01T10:00:00.000Z';
const theirs = (type: 'insertion' | 'deletion', id: string, authorId = OTHER) => ({ type, attrs: { id, authorId, authorName: authorId === OTHER ? 'Other' : 'Me', at: AT, comment: null } });
const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });

// "The city [+warmly] welcomes [-all] migrants." — both suggestions someone else's.
const START = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [t('The city '), t('warmly', [theirs('insertion', 'x-ins')]), t(' welcomes '), t('all', [theirs('deletion', 'x-del')]), t(' migrants.')] }],
};

let counter = 0;
const newId = () => `new-${++counter}`;

function stateOf(json: unknown) {
  return EditorState.create({ schema: profileSchema(), doc: PMNode.fromJSON(profileSchema(), json) });
}
/** Where a text ends in the document (the first occurrence). */
function endOf(state: EditorState, text: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + text.length;
  });
  if (found < 0) throw new Error(`"${text}" not in the document`);
  return found;
}
function suggest(state: EditorState, tr: ReturnType<EditorState['tr']['insertText']>) {
  const after = state.apply(suggestTransaction(tr, state, ME, newId));
  return { after, verdict: checkSuggestOnlyChange(state.doc.toJSON(), after.doc.toJSON(), ME.id), open: extractSuggestions(after.doc.toJSON()) };
}
const others = (open: ReturnType<typeof extractSuggestions>) => open.filter((s) => s.authorId === OTHER).map((s) => [s.id, s.kind, s.inserted, s.deleted, s.at]);

describe('suggesting beside someone else’s suggestion', () => {
  it('typing right after their insertion makes a suggestion of one’s own, and the rule accepts it', () => {
    const state = stateOf(START);
    const { verdict, open } = suggest(state, state.tr.insertText(' and', endOf(state, 'warmly')));
    expect(verdict).toEqual({ ok: true });
    expect(others(open)).toEqual([
      ['x-ins', 'insert', 'warmly', '', AT],
      ['x-del', 'delete', '', 'all', AT],
    ]);
    const mine = open.filter((s) => s.authorId === ME.id);
    expect(mine).toEqual([expect.objectContaining({ kind: 'insert', inserted: ' and', authorName: 'Me' })]);
    expect(mine[0].id).not.toMatch(/^x-/);
  });

  it('typing right before their insertion (the library would rename theirs) leaves theirs as it was', () => {
    const state = stateOf(START);
    const { verdict, open } = suggest(state, state.tr.insertText('very ', endOf(state, 'The city ')));
    expect(verdict).toEqual({ ok: true });
    expect(others(open)).toHaveLength(2);
    expect(open.filter((s) => s.authorId === ME.id)).toEqual([expect.objectContaining({ kind: 'insert', inserted: 'very ' })]);
  });

  it('deleting a word right after their deletion is a deletion of one’s own', () => {
    const state = stateOf(START);
    const at = endOf(state, 'all');
    const { verdict, open } = suggest(state, state.tr.delete(at, at + ' migrants'.length));
    expect(verdict).toEqual({ ok: true });
    expect(others(open)).toContainEqual(['x-del', 'delete', '', 'all', AT]);
    expect(open.filter((s) => s.authorId === ME.id)).toEqual([expect.objectContaining({ kind: 'delete', deleted: ' migrants' })]);
  });

  it('typing on at the end of one’s own suggestion still continues it', () => {
    const mineToo = { type: 'doc', content: [{ type: 'paragraph', content: [t('The city '), t('warmly', [theirs('insertion', 'm-1', ME.id)]), t(' welcomes.')] }] };
    const state = stateOf(mineToo);
    const { verdict, open } = suggest(state, state.tr.insertText(' and', endOf(state, 'warmly')));
    expect(verdict).toEqual({ ok: true });
    expect(open).toEqual([expect.objectContaining({ id: 'm-1', inserted: 'warmly and', at: AT })]);
  });

  it('anywhere outside their suggestions, whatever is typed or deleted, theirs stay as they were and the rule accepts', () => {
    const state = stateOf(START);
    // Positions of the plain text (not inside their suggestions), edges included.
    const plain: number[] = [];
    state.doc.descendants((node, pos) => {
      if (node.isText && node.marks.length === 0) for (let i = 0; i <= node.nodeSize; i++) plain.push(pos + i);
    });
    fc.assert(
      fc.property(fc.constantFrom(...plain), fc.stringMatching(/^[a-z ]{1,6}$/), fc.boolean(), (at, text, deleting) => {
        const next = state.doc.resolve(at).nodeAfter;
        const tr = deleting && next?.isText && next.marks.length === 0 ? state.tr.delete(at, at + 1) : state.tr.insertText(text, at);
        const { verdict, open } = suggest(state, tr);
        expect(verdict).toEqual({ ok: true });
        expect(others(open)).toEqual([
          ['x-ins', 'insert', 'warmly', '', AT],
          ['x-del', 'delete', '', 'all', AT],
        ]);
      }),
    );
  });
});

describe('structure in Suggesting mode', () => {
  const list = {
    type: 'doc',
    content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('Migrants have access to health care.')] }] }] }],
  };

  it('refuses Enter at the end of a bullet (a new bullet is structure, not a suggestion)', () => {
    const state = stateOf(list);
    const at = endOf(state, 'health care.');
    const { verdict } = suggest(state, state.tr.split(at, 2));
    expect(verdict).toMatchObject({ ok: false, reason: 'text_changed' });
  });

  it('refuses Enter in the middle of a paragraph', () => {
    const state = stateOf({ type: 'doc', content: [{ type: 'paragraph', content: [t('The city welcomes migrants.')] }] });
    const { verdict } = suggest(state, state.tr.split(endOf(state, 'The city')));
    expect(verdict).toMatchObject({ ok: false, reason: 'text_changed' });
  });

  it('still accepts words typed into the bullet', () => {
    const state = stateOf(list);
    const { verdict } = suggest(state, state.tr.insertText(' (Ley 1350)', endOf(state, 'health care')));
    expect(verdict).toEqual({ ok: true });
  });
});

