import type { Editor } from '@tiptap/react';

/** The DOM event that asks the toolbar of this editor to open its link dialog. */
export const LINK_DIALOG_EVENT = 'mgi:link-dialog';

/**
 * Opens the app's link dialog (components/editor/link-dialog.tsx) for this
 * editor. The Ctrl+K shortcut lives in an extension and the dialog in the
 * toolbar; an event on the editor's element joins them without either knowing
 * the other. The label arguments of the former prompt() are no longer needed.
 */
export const promptForLink: (editor: Editor, ...formerLabels: string[]) => void = (editor) => {
  editor.view.dom.dispatchEvent(new CustomEvent(LINK_DIALOG_EVENT, { bubbles: true }));
};
