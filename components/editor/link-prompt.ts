import type { Editor } from '@tiptap/react';
import { isAllowedHref } from '@/lib/domain/editor/link-policy';

/** Asks for a link address; empty removes the link, a disallowed scheme is refused. */
export function promptForLink(editor: Editor, question: string, invalid: string) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const answer = window.prompt(question, current);
  if (answer === null) return;
  const href = answer.trim();
  if (href === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : `https://${href}`;
  if (!isAllowedHref(withScheme)) {
    window.alert(invalid);
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href: withScheme }).run();
}
