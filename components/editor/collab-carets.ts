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
      return [yCursorPlugin(awareness)];
    },
  });
}
