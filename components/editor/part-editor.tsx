'use client';

import { EditorContent, useEditor, type Editor, type JSONContent } from '@tiptap/react';
import { useCallback, useEffect, useId, useRef } from 'react';
import { editorExtensions, editorProps } from './client-extensions';
import { ConflictPanel } from './conflict-panel';
import { fill, type EditorLabels } from './labels';
import { promptForLink } from './link-prompt';
import { SaveStatusBadge } from './save-status';
import { Toolbar } from './toolbar';
import { readPending, useAutosave } from './use-autosave';
import { usePresence } from './use-presence';

export interface PartEditorProps {
  assessmentId: string;
  section: string;
  part: string;
  label: string;
  language: string;
  initialDoc: JSONContent;
  initialRevision: number;
  labels: EditorLabels;
}

/** One part of a profile in a Tiptap editor, saved as you type. */
export default function PartEditor(props: PartEditorProps) {
  const { assessmentId, section, part, label, language, initialDoc, initialRevision, labels: t } = props;
  const contentId = useId();
  const editorRef = useRef<Editor | null>(null);
  const storageKey = `mgi:unsaved:${assessmentId}:${section}:${part}`;
  const getDoc = useCallback(() => editorRef.current?.getJSON() ?? initialDoc, [initialDoc]);
  const autosave = useAutosave({
    url: `/api/v1/assessments/${assessmentId}/sections/${section}/${part}`,
    storageKey,
    initialRevision,
    getDoc,
  });
  const others = usePresence(assessmentId, section, part);
  const onChange = autosave.onChange;

  const editor = useEditor({
    extensions: editorExtensions((e) => promptForLink(e as Editor, t.linkPrompt, t.linkInvalid)),
    content: initialDoc,
    immediatelyRender: false,
    editorProps: {
      ...editorProps,
      attributes: {
        id: contentId,
        class: 'editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        lang: language,
        spellcheck: 'true',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });

  useEffect(() => {
    editorRef.current = editor;
    if (!editor) return;
    // Text typed earlier that never reached the server (offline, closed tab).
    const pending = readPending(storageKey);
    if (pending && JSON.stringify(pending.doc) !== JSON.stringify(initialDoc)) {
      editor.commands.setContent(pending.doc, { emitUpdate: false });
      autosave.recover(pending, { doc: initialDoc, revision: initialRevision });
    }
    // Run once per editor instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  return (
    <div className="part-editor" data-testid={`editor-${section}-${part}`}>
      <div className="part-editor__header">
        <h2 className="part-editor__label" id={`${contentId}-label`}>
          {label}
        </h2>
        <div className="part-editor__meta">
          <a className="part-editor__history" href={`/assessments/${assessmentId}/sections/${section}/${part}/history`}>
            {t.history}
          </a>
          {others.length > 0 && (
            <span className="badge badge--warn" data-testid="presence">
              {fill(t.alsoHere, { names: others.join(', ') })}
            </span>
          )}
          <SaveStatusBadge status={autosave.status} error={autosave.error} labels={t.status} />
        </div>
      </div>
      {editor ? <Toolbar editor={editor} controls={contentId} labels={t} /> : <div className="editor-toolbar" aria-hidden="true" />}
      <EditorContent editor={editor} />
      {autosave.conflict && (
        <ConflictPanel
          theirs={autosave.conflict}
          language={language}
          labels={t}
          onKeepMine={autosave.keepMine}
          onKeepTheirs={() => {
            const theirs = autosave.keepTheirs();
            if (theirs && editor) editor.commands.setContent(theirs, { emitUpdate: false });
          }}
        />
      )}
    </div>
  );
}
