import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { Slice, Fragment } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { ControlCharacters, controlCharactersKey, stripControlCharacters } from './control-characters';
import { contentExtensions } from './extensions';
import { validateProfileDoc } from './validate-doc';

const schema = getSchema([...contentExtensions, ControlCharacters]);
const plugin = () => {
  // The plugin as the editor builds it, outside a view.
  const ext = ControlCharacters.config.addProseMirrorPlugins!.call({} as never);
  return ext[0];
};

function stateWith(text: string) {
  const doc = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] });
  return EditorState.create({ doc, plugins: [plugin()] });
}

describe('stripControlCharacters', () => {
  it('removes U+0000–U+001F except tab and newline', () => {
    const all = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(stripControlCharacters(`a${all}b`)).toBe('a\t\nb');
    expect(stripControlCharacters('Cercado de Lima. ñ é')).toBe('Cercado de Lima. ñ é');
  });
});

describe('the control-characters plugin', () => {
  it('is keyed so that it can be found in the editor', () => {
    expect(plugin().spec.key).toBe(controlCharactersKey);
  });

  it('cleans typed text, keeps the rest and the marks, and the result passes the server check', () => {
    let state = stateWith('Lima');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5)));
    state = state.apply(state.tr.insertText('\u0000 es\u0007 ', 5));
    const bold = schema.marks.bold.create();
    state = state.apply(state.tr.insert(state.doc.content.size - 1, schema.text('x\u001by', [bold])));
    expect(state.doc.textContent).toBe('Lima es xy');
    const marked = state.doc.firstChild!.lastChild!;
    expect(marked.text).toBe('xy');
    expect(marked.marks.map((m) => m.type.name)).toEqual(['bold']);
    expect(validateProfileDoc(state.doc.toJSON()).ok).toBe(true);
  });

  it('cleans pasted slices and text transformed for paste', () => {
    let state = stateWith('');
    const slice = new Slice(Fragment.from(schema.nodes.paragraph.create(null, schema.text('a\u0001b\u000bc'))), 1, 1);
    state = state.apply(state.tr.replaceSelection(slice));
    expect(state.doc.textContent).toBe('abc');
    const transform = plugin().props.transformPastedText as (text: string) => string;
    expect(transform('uno\u0000dos\tfin\n')).toBe('unodos\tfin\n');
  });

  it('leaves a transaction without control characters alone', () => {
    const state = stateWith('Hola');
    const next = state.applyTransaction(state.tr.insertText(' mundo', 5));
    expect(next.transactions).toHaveLength(1);
  });

  it('removes a text node made only of control characters', () => {
    let state = stateWith('ab');
    state = state.apply(state.tr.insert(2, schema.text('\u0001\u0002', [schema.marks.italic.create()])));
    expect(state.doc.textContent).toBe('ab');
  });
});
