import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Other people's carets and selections, named and coloured (the server fills
 * in each person's name and colour: server/collab.ts). y-tiptap's own cursor
 * plugin, in an extension of our own: @tiptap/extension-collaboration-caret
 * is published only for older Tiptap releases than ours.
 */
export function collabCarets(awareness: Awareness) {
  return Extension.create({
    name: 'collabCarets',
    addProseMirrorPlugins() {
      return [yCursorPlugin(awareness, { cursorBuilder: caret })];
    },
  });
}

/**
 * y-tiptap's caret (a coloured bar with the name above it), hidden from
 * assistive technology: the name would otherwise be read out as part of the
 * text; the "also here" badge says who is in the part.
 */
function caret(user: { name: string; color: string }): HTMLElement {
  const bar = document.createElement('span');
  bar.classList.add('ProseMirror-yjs-cursor');
  bar.setAttribute('aria-hidden', 'true');
  bar.style.borderColor = user.color;
  const label = document.createElement('div');
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  // Word joiners keep the caret from splitting a word across lines, as y-tiptap's own does.
  bar.append('\u2060', label, '\u2060');
  return bar;
}
