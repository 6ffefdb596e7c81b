'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_SUGGESTION_COMMENT, readSuggestionComment, setSuggestionComment } from '@/lib/domain/editor/suggestion-comment';
import { fill, type SuggestLabels } from './labels';

interface Props {
  editor: Editor;
  suggestionId: string;
  comment: string | null;
  /** What the suggestion is ("Replace “a” with “b”"), so the button says which one it comments. */
  what: string;
  labels: SuggestLabels;
}

/**
 * The author's short comment on their own suggestion, from the list under the
 * text: a button opens a small form in place (Escape or Cancel closes it and
 * gives the focus back to the button). Saving puts the comment on the
 * suggestion in the live text, where everyone sees it at once; the server
 * checks that it is the author's own (suggestion-rule.ts).
 */
export function SuggestionCommentForm({ editor, suggestionId, comment, what, labels: t }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const wasOpen = useRef(false);
  const id = useId();

  useEffect(() => {
    if (open) field.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function start() {
    setDraft(comment ?? '');
    setError(null);
    setOpen(true);
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    const read = readSuggestionComment(draft);
    if (!read.ok) return setError(fill(t.commentTooLong, { max: MAX_SUGGESTION_COMMENT }));
    const tr = setSuggestionComment(editor.state, suggestionId, read.comment);
    // Gone meanwhile (withdrawn, or decided by a consultant): nothing left to comment on.
    if (!tr) return setError(t.commentGone);
    editor.view.dispatch(tr);
    setOpen(false);
  }

  if (!open) {
    return (
      <button type="button" ref={opener} className="button button--secondary button--small" onClick={start} aria-label={`${comment ? t.commentEdit : t.commentAdd}: ${what}`}>
        {comment ? t.commentEdit : t.commentAdd}
      </button>
    );
  }
  return (
    <form
      className="suggestion-comment"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          setOpen(false);
        }
      }}
    >
      <label htmlFor={`${id}-comment`} className="suggestion-comment__label">
        {t.commentLabel}
      </label>
      <textarea
        id={`${id}-comment`}
        ref={field}
        rows={2}
        maxLength={MAX_SUGGESTION_COMMENT}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-describedby={`${id}-count`}
        aria-invalid={error ? true : undefined}
      />
      <p className="muted small suggestion-comment__count" id={`${id}-count`}>
        {fill(t.commentCount, { used: draft.length, max: MAX_SUGGESTION_COMMENT })}
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="suggestion-card__actions">
        <button type="submit" className="button button--small">
          {t.commentSave}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)}>
          {t.commentCancel}
        </button>
      </div>
    </form>
  );
}
