import { Extension, type Editor } from '@tiptap/core';
// The subpath: the package's index would bring every extension in it (drop cursor, placeholder…) into the page.
import { UndoRedo } from '@tiptap/extensions/undo-redo';
import { ControlCharacters } from '@/lib/domain/editor/control-characters';
import { contentExtensions } from '@/lib/domain/editor/extensions';
import { FreshSelection } from './fresh-selection';
import { ListKeys } from './list-keys';
import { cleanWordHtml } from './word-paste';

/**
 * The editor's extensions: the shared content schema plus behaviour that adds
 * no content (undo history, Word paste clean-up, removal of the control
 * characters the server refuses). The server validates against
 * `contentExtensions` alone.
 */
export function editorExtensions(onLinkShortcut: (editor: Editor) => void) {
  return [
    ...contentExtensions,
    UndoRedo,
    ControlCharacters,
    FreshSelection,
    ListKeys,
    Extension.create({
      name: 'profileShortcuts',
      addKeyboardShortcuts() {
        return {
          'Mod-k': () => {
            onLinkShortcut(this.editor);
            return true;
          },
          // Escape is a keyboard way to the toolbar; Tab and Shift+Tab leave the text (list-keys.ts).
          Escape: () => {
            const toolbar = this.editor.view.dom.closest('.part-editor')?.querySelector<HTMLElement>('[role="toolbar"] [tabindex="0"]');
            toolbar?.focus();
            return Boolean(toolbar);
          },
        };
      },
    }),
  ];
}

export const editorProps = {
  transformPastedHTML: cleanWordHtml,
};
