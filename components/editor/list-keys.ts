import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Tab and Shift+Tab leave the editor, in a list as anywhere else, so that
 * keyboard users are never trapped in the text (WCAG 2.1.2). Lists indent as
 * in Google Docs: Ctrl+] and Ctrl+[ (or the toolbar's buttons).
 *
 * ListItem binds Tab to indent through ProseMirror's keymap. A keydown handler
 * in `handleDOMEvents` runs before every keymap; answering true there skips
 * them without calling preventDefault, so the browser moves focus as usual.
 */
export const ListKeys = Extension.create({
  name: 'listKeys',
  addKeyboardShortcuts() {
    return {
      'Mod-]': () => this.editor.commands.sinkListItem('listItem'),
      'Mod-[': () => this.editor.commands.liftListItem('listItem'),
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('listKeys'),
        props: {
          handleDOMEvents: {
            keydown: (_view, event) => event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey,
          },
        },
      }),
    ];
  },
});
