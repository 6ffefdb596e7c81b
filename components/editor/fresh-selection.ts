import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** ProseMirror's reader of DOM changes and of the browser's selection (not in its typings). */
type WithObserver = EditorView & { domObserver?: { flush(): void } };

/**
 * Reads the browser's selection before a key is handled. ProseMirror learns of
 * a selection the browser moved (Shift+arrows, arrows over a selection) from
 * `selectionchange`, which can arrive after the next keydown when the
 * page is busy (live changes arriving, a render): Backspace pressed right after
 * Shift+Down then acted on the caret before it (joining two bullets, which
 * Suggesting mode refuses) instead of the selected bullet. Reading first makes
 * every key act on what the person sees selected. First of all plugins, so
 * the keymaps after it see the fresh selection.
 */
export const FreshSelection = Extension.create({
  name: 'freshSelection',
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('freshSelection'),
        props: {
          handleKeyDown(view) {
            (view as WithObserver).domObserver?.flush();
            return false;
          },
        },
      }),
    ];
  },
});
