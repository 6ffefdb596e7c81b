'use client';

import type { Editor } from '@tiptap/react';
import { useId, useState } from 'react';
import { ModalDialog } from '@/components/forms/modal-dialog';
import { linkFromInput } from '@/lib/domain/editor/link-policy';
import type { EditorLabels } from './labels';

/**
 * Adds, changes or removes the link on the selection, in the app's modal
 * dialog: labelled field, refusal of addresses that could run something
 * (lib/domain/editor/link-policy.ts), Escape to leave, focus back in the text.
 */
export function LinkDialog({ editor, open, onClose, labels: t }: { editor: Editor; open: boolean; onClose: () => void; labels: EditorLabels }) {
  return (
    <ModalDialog open={open} title={t.linkDialogTitle} onClose={onClose}>
      {/* Mounted only while open, so each opening starts from the link under the selection. */}
      {open && <LinkForm editor={editor} onClose={onClose} labels={t} />}
    </ModalDialog>
  );
}

function LinkForm({ editor, onClose, labels: t }: { editor: Editor; onClose: () => void; labels: EditorLabels }) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(current);
  const [invalid, setInvalid] = useState(false);
  const ids = { input: useId(), hint: useId(), error: useId() };

  function finish(run: () => void) {
    run();
    onClose();
  }

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const link = linkFromInput(value);
    if (link.kind === 'invalid') {
      setInvalid(true);
      return;
    }
    if (link.kind === 'remove') {
      finish(() => editor.chain().focus().extendMarkRange('link').unsetLink().run());
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      finish(() =>
        editor
          .chain()
          .focus()
          .insertContent({ type: 'text', text: link.href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href: link.href } }] })
          .run(),
      );
      return;
    }
    finish(() => editor.chain().focus().extendMarkRange('link').setLink({ href: link.href }).run());
  }

  return (
    <form className="form" onSubmit={apply} noValidate>
      <div className="field">
        <label htmlFor={ids.input}>{t.linkAddress}</label>
        <input
          id={ids.input}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          autoFocus
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${ids.error} ${ids.hint}` : ids.hint}
          placeholder="https://"
        />
        <span id={ids.hint} className="field__hint">
          {t.linkPrompt}
        </span>
        {invalid && (
          <span id={ids.error} className="field__error" role="alert">
            {t.linkInvalid}
          </span>
        )}
      </div>
      <div className="actions dialog__actions">
        {current && (
          <button type="button" className="button button--danger" onClick={() => finish(() => editor.chain().focus().extendMarkRange('link').unsetLink().run())}>
            {t.linkRemove}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => finish(() => editor.commands.focus())}>
          {t.cancel}
        </button>
        <button type="submit" className="button">
          {t.linkApply}
        </button>
      </div>
    </form>
  );
}
