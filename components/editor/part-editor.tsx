'use client';

import { EditorContent, useEditor, type Editor, type JSONContent } from '@tiptap/react';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { CommentComposer } from '@/components/comments/comment-composer';
import type { CommentLabels } from '@/components/comments/labels';
import { startThreadAction } from '@/lib/actions/comments';
import { editorExtensions, editorProps } from './client-extensions';
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
  /** Who made the stored revision and when (ISO), named if text left in this browser meets it as a conflict. */
  initialSavedBy?: string | null;
  initialSavedAt?: string | null;
  /** The newest revision someone else made (0: nobody); later ones are this person's own. */
  lastOtherRevision?: number;
  labels: EditorLabels;
  /** Present when this person may start comment threads here. */
  commentLabels?: CommentLabels;
}

// Conflicts are rare: the panel and its word-diff library load when one happens.
const ConflictPanel = dynamic(() => import('./conflict-panel'), { ssr: false });

// Commenting from the editor is occasional: the passage code loads on first use (the page has a 250 KB budget).
const passageTools = () => import('@/lib/domain/editor/passage');

/** Marks a transaction that only adds a comment mark the server has already stored. */
const SERVER_MARK = 'mgiServerMark';

/** One part of a profile in a Tiptap editor, saved as you type. */
export default function PartEditor(props: PartEditorProps) {
  const { assessmentId, section, part, label, language, initialDoc, initialRevision, initialSavedBy, initialSavedAt, lastOtherRevision, labels: t, commentLabels } = props;
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
    onUpdate: ({ transaction }) => {
      if (!transaction.getMeta(SERVER_MARK)) onChange();
    },
  });
  const [composing, setComposing] = useState<{ quote: string; occurrence: number } | null>(null);
  const [commentHint, setCommentHint] = useState(false);

  async function startComment() {
    const e = editorRef.current;
    if (!e) return;
    const { describePassage } = await passageTools();
    const { from, to, empty } = e.state.selection;
    const named = empty ? null : describePassage(e.state.doc, from, to);
    setCommentHint(!named);
    setComposing(named);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    // Ctrl+Alt+M (⌘⌥M), as in word processors; `code`, because Alt changes the character on macOS.
    if (commentLabels && (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
      event.preventDefault();
      void startComment();
    }
  }

  /** Saves pending text first, so that the server finds the passage where this editor sees it. */
  async function postComment(body: string): Promise<string | null> {
    if (!composing || !commentLabels) return null;
    if (!(await autosave.flush())) return commentLabels.saveFirst;
    const form = new FormData();
    const fields = { id: assessmentId, section, part, quote: composing.quote, occurrence: String(composing.occurrence), baseRevision: String(autosave.revision()), body };
    Object.entries(fields).forEach(([k, v]) => form.set(k, v));
    const result = await startThreadAction(null, form);
    if (!result?.ok) return result?.message ?? commentLabels.saveFirst;
    const e = editorRef.current;
    const { locatePassage } = await passageTools();
    const range = e && locatePassage(e.state.doc, composing.quote, composing.occurrence);
    if (e && range) {
      const mark = e.schema.marks.comment.create({ threadId: result.data?.threadId });
      e.view.dispatch(e.state.tr.addMark(range.from, range.to, mark).setMeta('addToHistory', false).setMeta(SERVER_MARK, true));
    }
    autosave.adopt(Number(result.data?.revision));
    setComposing(null);
    e?.commands.focus();
    return null;
  }

  useEffect(() => {
    editorRef.current = editor;
    if (!editor) return;
    // Text typed earlier that never reached the server (offline, closed tab).
    const pending = readPending(storageKey);
    if (pending) {
      const server = { doc: initialDoc, revision: initialRevision, savedBy: initialSavedBy ? { name: initialSavedBy } : null, savedAt: initialSavedAt ?? null };
      autosave.recover(pending, server, (doc) => editor.commands.setContent(doc, { emitUpdate: false }), lastOtherRevision);
    }
    // Run once per editor instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  return (
    // The wrapper only listens for the comment shortcut bubbling up from the editor.
    <div className="part-editor" data-testid={`editor-${section}-${part}`} onKeyDown={onKeyDown}>
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
          {/* Before any save in this visit: "Saved" when the part was saved in this round (the text shown is the saved one), else "Unchanged in this round". */}
          <SaveStatusBadge status={autosave.status} error={autosave.error} labels={initialSavedAt ? { ...t.status, idle: t.status.saved } : t.status} />
        </div>
      </div>
      {editor ? (
        <Toolbar editor={editor} controls={contentId} labels={t} onComment={commentLabels ? () => void startComment() : undefined} commentLabel={commentLabels?.comment} />
      ) : (
        <div className="editor-toolbar" aria-hidden="true" />
      )}
      {commentHint && commentLabels && (
        <p className="notice notice--info comment-hint" role="status">
          {commentLabels.selectFirst}
        </p>
      )}
      {composing && commentLabels && (
        <CommentComposer
          assessmentId={assessmentId}
          quote={composing.quote}
          language={language}
          labels={commentLabels}
          onSubmit={postComment}
          onCancel={() => {
            setComposing(null);
            editorRef.current?.commands.focus();
          }}
        />
      )}
      <EditorContent editor={editor} />
      {autosave.conflict && editor && (
        <ConflictPanel
          theirs={autosave.conflict}
          editor={editor}
          language={language}
          labels={t}
          onKeepMine={autosave.keepMine}
          onKeepTheirs={() => autosave.keepTheirs((theirs) => editor.commands.setContent(theirs, { emitUpdate: false }))}
        />
      )}
    </div>
  );
}
