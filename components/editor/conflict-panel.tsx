'use client';

import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import { contentExtensions } from '@/lib/domain/editor/extensions';
import { fill, type EditorLabels } from './labels';

interface Props {
  theirs: { doc: JSONContent; revision: number };
  language: string;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  labels: EditorLabels;
}

/** Shows the other person's text read-only under yours, with the two ways out. */
export function ConflictPanel({ theirs, language, onKeepMine, onKeepTheirs, labels: t }: Props) {
  const theirLabel = fill(t.theirVersion, { revision: theirs.revision });
  const viewer = useEditor(
    {
      extensions: contentExtensions,
      content: theirs.doc,
      editable: false,
      immediatelyRender: false,
      editorProps: {
        attributes: { class: 'editor-content editor-content--readonly', lang: language, role: 'region', 'aria-label': theirLabel },
      },
    },
    [theirs.revision],
  );
  return (
    <section className="conflict-panel" role="alert" aria-labelledby="conflict-title">
      <h3 id="conflict-title">{t.conflictTitle}</h3>
      <p className="small">{t.conflictHelp}</p>
      <h4>{theirLabel}</h4>
      <div data-testid="their-version">
        <EditorContent editor={viewer} />
      </div>
      <div className="actions">
        <button type="button" className="button button--small" onClick={onKeepMine}>
          {t.keepMine}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onKeepTheirs}>
          {t.keepTheirs}
        </button>
      </div>
    </section>
  );
}
