'use client';

import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, type Editor, type JSONContent } from '@tiptap/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CommentComposer } from '@/components/comments/comment-composer';
import type { CommentLabels } from '@/components/comments/labels';
import { startThreadAction } from '@/lib/actions/comments';
import { COLLAB_FIELD, collabDocName } from '@/lib/collab/protocol';
import { editorExtensions, editorProps } from './client-extensions';
import { collabCarets } from './collab-carets';
import { fill, type EditorLabels } from './labels';
import { promptForLink } from './link-prompt';
import { SaveStatusBadge } from './save-status';
import { ModeSwitch, type EditorMode } from './mode-switch';
import { setSuggesting, SuggestMode, type SuggestRefusal } from './suggest-mode';
import { SuggestionList } from './suggestion-list';
import { Toolbar } from './toolbar';
import { useLivePart } from './use-live-part';
import { usePresence } from './use-presence';

export interface PartEditorProps {
  assessmentId: string;
  section: string;
  part: string;
  label: string;
  language: string;
  initialDoc: JSONContent;
  /** When the stored text was last saved (ISO); none: nobody saved it this round ("Unchanged in this round"). */
  initialSavedAt?: string | null;
  labels: EditorLabels;
  /** Present when this person may start comment threads here. */
  commentLabels?: CommentLabels;
  /** May change the text itself (and so accept and reject suggestions); otherwise only suggest. */
  mayEdit: boolean;
  /** Who is typing: the name and id stamped on their suggestions (the server checks the id). */
  me: { id: string; name: string };
}

// Commenting from the editor is occasional: the passage code loads on first use (the page has a 250 KB budget).
const passageTools = () => import('@/lib/domain/editor/passage');

/**
 * One part of a profile in a Tiptap editor, edited live with everyone who has
 * it open (Yjs through the app's /collab WebSocket: server/collab.ts) and kept
 * in this browser until the server has it.
 */
export default function PartEditor(props: PartEditorProps) {
  const { assessmentId, section, part, label, language, initialDoc, initialSavedAt, labels: t, commentLabels, mayEdit, me } = props;
  // Those who may only suggest start (and stay) in Suggesting; the server refuses anything else from them.
  const [mode, setMode] = useState<EditorMode>(mayEdit ? 'editing' : 'suggesting');
  const [refusal, setRefusal] = useState<SuggestRefusal | null>(null);
  const contentId = useId();
  const editorRef = useRef<Editor | null>(null);
  const live = useLivePart(collabDocName({ assessmentId, section, part }));
  const others = usePresence(assessmentId, section, part, live.provider.awareness);

  const editor = useEditor({
    extensions: [
      // Yjs keeps the undo history (per person): the editor's own would undo others' typing.
      ...editorExtensions((e) => promptForLink(e as Editor, t.linkPrompt, t.linkInvalid)).filter((e) => e.name !== 'undoRedo'),
      Collaboration.configure({ document: live.ydoc, field: COLLAB_FIELD }),
      collabCarets(live.provider.awareness!),
      SuggestMode.configure({ me, onRefused: setRefusal }),
    ],
    // Until the text is there (from the server, or this browser's copy offline) nothing can be typed.
    editable: false,
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

  /**
   * Has the server store the text first, so that it finds the passage where
   * this editor sees it; the comment's highlight then comes back live.
   */
  async function postComment(body: string): Promise<string | null> {
    if (!composing || !commentLabels) return null;
    const revision = await live.storeNow();
    if (revision === null) return commentLabels.saveFirst;
    const form = new FormData();
    const fields = { id: assessmentId, section, part, quote: composing.quote, occurrence: String(composing.occurrence), baseRevision: String(revision), body };
    Object.entries(fields).forEach(([k, v]) => form.set(k, v));
    const result = await startThreadAction(null, form);
    if (!result?.ok) return result?.message ?? commentLabels.saveFirst;
    setComposing(null);
    editorRef.current?.commands.focus();
    return null;
  }

  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  // A part nobody has saved in this round says "Unchanged in this round" until its text differs
  // from the one the page was rendered with (typed here or by someone live); then it stays changed.
  // Compared only once the text is there: before that the editor holds an empty paragraph.
  const baseline = useMemo(() => {
    if (!editor || initialSavedAt) return null;
    try {
      return JSON.stringify(editor.schema.nodeFromJSON(initialDoc).toJSON());
    } catch {
      return '';
    }
  }, [editor, initialDoc, initialSavedAt]);
  const [changedLive, setChangedLive] = useState(false);
  useEffect(() => {
    if (!editor || baseline === null || !live.ready) return;
    const check = () => {
      if (JSON.stringify(editor.getJSON()) !== baseline) setChangedLive(true);
    };
    editor.on('update', check);
    return () => {
      editor.off('update', check);
    };
  }, [editor, baseline, live.ready]);
  const untouched = baseline !== null && !changedLive && !(live.ready && editor && JSON.stringify(editor.getJSON()) !== baseline);
  const shownStatus = live.status === 'saved' && untouched ? 'idle' : live.status;
  // Nothing more can be changed here: the server turned the part read-only, or no longer lets this person open it.
  const closed = live.readOnly || live.denied;

  useEffect(() => {
    if (!editor) return;
    const ready = live.ready && !live.denied;
    // Read-only when the server says so (server/collab.ts, lib/policy): it refuses their changes anyway.
    editor.setEditable(ready && !live.readOnly && mode !== 'viewing');
    setSuggesting(editor, mode === 'suggesting' || !mayEdit);
    // Until the text is there the textbox says so (assistive technology, and tools that wait for it).
    editor.view.dom.setAttribute('aria-disabled', String(!ready));
    editor.view.dom.setAttribute('aria-readonly', String(live.readOnly));
  }, [editor, live.ready, live.denied, live.readOnly, mode, mayEdit]);

  useEffect(() => {
    if (!refusal) return;
    const clear = setTimeout(() => setRefusal(null), 8000);
    return () => clearTimeout(clear);
  }, [refusal]);

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
          {!closed && <SaveStatusBadge status={shownStatus} error={null} labels={t.status} />}
        </div>
      </div>
      {!closed && (
        <ModeSwitch name={`mode-${section}-${part}`} mode={mode} modes={mayEdit ? ['editing', 'suggesting', 'viewing'] : ['suggesting', 'viewing']} onChange={setMode} labels={t.suggest} />
      )}
      {mode === 'suggesting' && !closed && <p className="muted small suggest-help">{t.suggest.suggestingHelp}</p>}
      <p className="notice notice--error suggest-refusal" role="alert" hidden={!refusal} data-testid="suggest-refusal">
        {refusal ? t.suggest.refused[refusal] : ''}
      </p>
      {live.denied ? (
        <p className={`notice ${live.deniedUnsaved ? 'notice--error' : 'notice--info'}`} role="status" data-testid="access-ended">
          {live.deniedUnsaved ? `${t.deniedNow} ${t.deniedUnsaved}` : t.deniedNow}
        </p>
      ) : live.readOnly ? (
        <div className="comment-bar">
          <p className="notice notice--info" role="status" data-testid="read-only-now">
            {t.readOnlyNow}
          </p>
          {commentLabels && (
            <button type="button" className="button button--secondary button--small" onMouseDown={(e) => e.preventDefault()} onClick={() => void startComment()}>
              {commentLabels.commentOnSelection}
            </button>
          )}
        </div>
      ) : editor && mode !== 'viewing' ? (
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
      {editor && <SuggestionList editor={editor} assessmentId={assessmentId} section={section} part={part} mayDecide={mayEdit} meId={me.id} labels={t.suggest} />}
    </div>
  );
}
