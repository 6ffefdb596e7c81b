import { Extension, type Editor } from '@tiptap/core';
import { UndoRedo } from '@tiptap/extensions';
import { contentExtensions } from '@/lib/domain/editor/extensions';
import { cleanWordHtml } from './word-paste';

/**
 * The editor's extensions: the shared content schema plus behaviour that adds
 * no content (undo history, Word paste clean-up). The server validates against
 * `contentExtensions` alone.
 */
export function editorExtensions(onLinkShortcut: (editor: Editor) => void) {
  return [
    ...contentExtensions,
    UndoRedo,
    Extension.create({
      name: 'profileShortcuts',
      addKeyboardShortcuts() {
        return {
          'Mod-k': () => {
            onLinkShortcut(this.editor);
            return true;
          },
        };
      },
    }),
  ];
}

export const editorProps = {
  transformPastedHTML: cleanWordHtml,
};
