import { AllSelection, EditorState, NodeSelection, TextSelection, type Transaction } from '@tiptap/pm/state';
import { Node as PMNode } from '@tiptap/pm/model';
import { deleteSelection, joinBackward } from '@tiptap/pm/commands';
import { describe, expect, it } from 'vitest';
import { profileSchema } from './schema';
import { suggestTransaction } from './suggest-transaction';
import { checkSuggestOnlyChange } from './suggestion-rule';
import { decideSuggestion, extractSuggestions, rejectAllSuggestions } from './suggestions';
import { validateProfileDoc } from './validate-doc';

const ME = { id: '11111111-1111-4111-8111-111111111111', name: 'Me' };
const ID = '00000000-0000-4000-8000-000000000001';
const t = (text: string) => ({ type: 'text', text });
const p = (text: string) => ({ type: 'paragraph', content: [t(text)] });
const item = (text: string, ...more: object[]) => ({ type: 'listItem', content: [p(text), ...more] });
const bullets = (...items: object[]) => ({ type: 'bulletList', content: items });
const doc = (...content: object[]) => ({ type: 'doc', content });

// "Intro." then the bullets One, Two, Three.
const START = doc(p('Intro.'), bullets(item('One'), item('Two'), item('Three')));

const stateOf = (json: unknown) => EditorState.create({ schema: profileSchema(), doc: PMNode.fromJSON(profileSchema(), json) });
/** Where a text starts and ends (its first occurrence). */
function span(state: EditorState, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  state.doc.descendants((node, pos) => {
    if (!found && node.isText && node.text!.includes(text)) found = { from: pos + node.text!.indexOf(text), to: pos + node.text!.indexOf(text) + text.length };
  });
  if (!found) throw new Error(`"${text}" not in the document`);
  return found;
}
/** The start of the list item holding a text (for selecting the item as a node). */
function itemOf(state: EditorState, text: string): number {
  const $pos = state.doc.resolve(span(state, text).from);
  return $pos.before($pos.depth - 1);
}

/** Runs a ProseMirror command in Suggesting mode: the suggestion it makes, checked as the server checks it. */
function suggestCommand(state: EditorState, command: (s: EditorState, d: (tr: Transaction) => void) => boolean) {
  let tr: Transaction | null = null;
  command(state, (made) => (tr = made));
  if (!tr) throw new Error('the command did nothing');
  const after = state.apply(suggestTransaction(tr, state, ME, () => ID)).doc.toJSON();
  return { after, verdict: checkSuggestOnlyChange(state.doc.toJSON(), after, ME.id) };
}
const select = (state: EditorState, from: number, to: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));

describe('deleting a whole bullet in Suggesting mode', () => {
  const cases: Array<[string, (s: EditorState) => EditorState]> = [
    // Shift+Down from the start of the bullet: ProseMirror would remove the list item node.
    ['from its start to the start of the next', (s) => select(s, span(s, 'Two').from, span(s, 'Three').from)],
    // Backspace from the end of the previous bullet across it: ProseMirror would join the two.
    ['from the end of the one before to its end', (s) => select(s, span(s, 'One').to, span(s, 'Two').to)],
    ['chosen as a node', (s) => s.apply(s.tr.setSelection(NodeSelection.create(s.doc, itemOf(s, 'Two'))))],
    ['its words only', (s) => select(s, span(s, 'Two').from, span(s, 'Two').to)],
  ];
  for (const [how, prepare] of cases) {
    it(`${how}: a suggested deletion; accepted, the bullet goes (no empty one left); rejected, it is back`, () => {
      const { after, verdict } = suggestCommand(prepare(stateOf(START)), deleteSelection);
      expect(verdict).toEqual({ ok: true });
      expect(validateProfileDoc(after).ok).toBe(true);
      expect(extractSuggestions(after)).toEqual([expect.objectContaining({ id: ID, kind: 'delete', deleted: 'Two', authorId: ME.id, authorName: 'Me' })]);
      expect(decideSuggestion(after, ID, 'accept')).toEqual(doc(p('Intro.'), bullets(item('One'), item('Three'))));
      expect(decideSuggestion(after, ID, 'reject')).toEqual(START);
    });
  }

  it('across several bullets and the paragraph before: every word suggested for deletion; accepted, the list goes with its last bullet', () => {
    const small = doc(p('Intro.'), bullets(item('One'), item('Two')), p('End.'));
    const state = stateOf(small);
    const { after, verdict } = suggestCommand(select(state, span(state, 'tro.').from, span(state, 'Two').to), deleteSelection);
    expect(verdict).toEqual({ ok: true });
    expect(extractSuggestions(after)).toEqual([expect.objectContaining({ kind: 'delete', deleted: 'tro.OneTwo' })]);
    expect(decideSuggestion(after, ID, 'accept')).toEqual(doc(p('In'), p('End.')));
    expect(rejectAllSuggestions(after)).toEqual(small);
  });

  it('everything (Ctrl+A, Delete): accepted, an empty text remains', () => {
    const state = stateOf(START);
    const { after, verdict } = suggestCommand(state.apply(state.tr.setSelection(new AllSelection(state.doc))), deleteSelection);
    expect(verdict).toEqual({ ok: true });
    expect(decideSuggestion(after, ID, 'accept')).toEqual(doc({ type: 'paragraph' }));
    expect(decideSuggestion(after, ID, 'reject')).toEqual(START);
  });

  it('a bullet holding a nested list: accepted, its words go and the nested bullets stay, in a valid list', () => {
    const nested = doc(bullets(item('One', bullets(item('Inner'))), item('Two')));
    const state = stateOf(nested);
    const { after } = suggestCommand(select(state, span(state, 'One').from, span(state, 'One').to), deleteSelection);
    const accepted = decideSuggestion(after, ID, 'accept');
    expect(validateProfileDoc(accepted).ok).toBe(true);
    expect(JSON.stringify(accepted)).toContain('Inner');
    expect(JSON.stringify(accepted)).not.toContain('One');
  });

  it('joining two bullets (Backspace at the start of one) is not a change of words: it stays refused', () => {
    const state = stateOf(START);
    const at = span(state, 'Two').from;
    expect(() => suggestCommand(state.apply(state.tr.setSelection(TextSelection.create(state.doc, at))), joinBackward)).toThrow();
  });

  it('typing over a selection across bullets is left to the library, as before', () => {
    const state = select(stateOf(START), 12, 20);
    const tr = state.tr.insertText('x');
    expect(() => suggestTransaction(tr, state, ME, () => ID)).not.toThrow();
  });
});
