'use client';

import { useState } from 'react';
import type { CommentLabels } from './labels';
import { MentionTextarea } from './mention-textarea';

interface Props {
  /** The profile, for the @-mention picker's list of people; without it the box offers no picker. */
  assessmentId?: string;
  quote: string;
  language: string;
  labels: CommentLabels;
  /** Posts the comment; answers an error message, or null when it was posted. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel: () => void;
}

/** Writing a new comment on a selected passage: the passage, a text box (with @-mentions), post or cancel (Escape). */
export function CommentComposer({ assessmentId, quote, language, labels: t, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const problem = await onSubmit(body);
    setPending(false);
    setError(problem); // on success the composer is closed by its owner
  }

  return (
    <form className="comment-composer" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} aria-label={t.composerTitle}>
      <p className="comment-composer__title">{t.composerTitle}</p>
      <blockquote className="thread__quote" lang={language}>
        {quote}
      </blockquote>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <label className="visually-hidden" htmlFor="comment-composer-body">
        {t.body}
      </label>
      <MentionTextarea assessmentId={assessmentId} id="comment-composer-body" value={body} onChange={setBody} labels={t} autoFocus hint />
      <div className="actions">
        <button className="button button--small" type="submit" disabled={pending || !body.trim()}>
          {t.submit}
        </button>
        <button className="button button--secondary button--small" type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
