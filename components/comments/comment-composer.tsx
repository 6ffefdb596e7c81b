'use client';

import { useEffect, useRef, useState } from 'react';
import { MAX_COMMENT_LENGTH } from '@/lib/domain/comment-limits';
import type { CommentLabels } from './labels';

interface Props {
  quote: string;
  language: string;
  labels: CommentLabels;
  /** Posts the comment; answers an error message, or null when it was posted. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel: () => void;
}

/** Writing a new comment on a selected passage: the passage, a text box, post or cancel (Escape). */
export function CommentComposer({ quote, language, labels: t, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

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
      <textarea id="comment-composer-body" ref={box} rows={3} maxLength={MAX_COMMENT_LENGTH} required value={body} onChange={(e) => setBody(e.target.value)} />
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
