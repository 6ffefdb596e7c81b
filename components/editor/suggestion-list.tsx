'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, useTransition } from 'react';
import { decideSuggestionAction } from '@/lib/actions/suggestions';
import { extractSuggestions, type OpenSuggestion } from '@/lib/domain/editor/suggestions';
import { suggestionTime } from '@/lib/domain/editor/suggestion-time';
import { fill, type SuggestLabels } from './labels';
import { SuggestionCommentForm } from './suggestion-comment-form';

/** " · 2 Dec 2026, 13:30": when it was made, as hovering the suggestion in the text says it too. */
function SuggestedAt({ at }: { at: string | null }) {
  const when = suggestionTime(at);
  if (!at || !when) return null;
  return (
    <>
      {' · '}
      <time dateTime={at}>{when}</time>
    </>
  );
}

interface Props {
  editor: Editor;
  assessmentId: string;
  section: string;
  part: string;
  /** Accept and reject buttons: for those who may edit. */
  mayDecide: boolean;
  /** Who is here: they may comment their own suggestions while the text is writable to them. */
  meId: string;
  labels: SuggestLabels;
}

function what(s: OpenSuggestion, t: SuggestLabels): string {
  if (s.kind === 'insert') return fill(t.insert, { text: s.inserted });
  if (s.kind === 'delete') return fill(t.delete, { text: s.deleted });
  return fill(t.replace, { deleted: s.deleted, inserted: s.inserted });
}

/**
 * The open suggestions of one part, as the live text has them, each with its
 * author and time; consultants accept or reject each one, or all of them
 * (through the server, which records who suggested and who decided).
 */
export function SuggestionList({ editor, assessmentId, section, part, mayDecide, meId, labels: t }: Props) {
  const suggestions = useEditorState({ editor, selector: ({ editor: e }) => extractSuggestions(e.getJSON()) });
  const writable = useEditorState({ editor, selector: ({ editor: e }) => e.isEditable });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const headingId = `suggestions-${section}-${part}`;

  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function decide(decision: 'accept' | 'reject', suggestionId?: string) {
    if (pending) return;
    // The decided suggestion's card goes, and the focused button with it: someone deciding from the
    // keyboard lands back on the list's heading (then Tab reaches the next one), not at the top of the page.
    const focusWasHere = sectionRef.current?.contains(document.activeElement) ?? false;
    const form = new FormData();
    Object.entries({ id: assessmentId, section, part, decision, ...(suggestionId ? { suggestionId } : {}) }).forEach(([k, v]) => form.set(k, v));
    startTransition(async () => {
      const result = await decideSuggestionAction(null, form);
      setMessage({ ok: Boolean(result?.ok), text: result?.message ?? '' });
      if (focusWasHere) headingRef.current?.focus();
    });
  }

  if (suggestions.length === 0 && !message) return null;
  return (
    <section ref={sectionRef} className="suggestions" aria-labelledby={headingId} data-testid={`suggestions-${section}-${part}`}>
      <h3 ref={headingRef} className="suggestions__title" id={headingId} tabIndex={-1}>
        {t.title} <span className="badge">{suggestions.length}</span>
      </h3>
      {message && (
        <p className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`} role="status">
          {message.text}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul className="suggestions__list">
          {suggestions.map((s) => (
            <li key={s.id} className={`suggestion-card suggestion-card--${s.kind}`} data-testid="suggestion">
              <p className="thread__meta">
                <strong>{s.authorName ?? '—'}</strong>
                <SuggestedAt at={s.at} />
              </p>
              <p className="suggestion-card__what">{what(s, t)}</p>
              {s.comment && (
                <p className="thread__body suggestion-card__comment" data-testid="suggestion-comment">
                  {s.comment}
                </p>
              )}
              {(mayDecide || (writable && s.authorId === meId)) && (
                <div className="suggestion-card__actions">
                  {writable && s.authorId === meId && <SuggestionCommentForm editor={editor} suggestionId={s.id} comment={s.comment} what={what(s, t)} labels={t} />}
                  {mayDecide && (
                    <>
                      <button type="button" className="button button--small" aria-disabled={pending} onClick={() => decide('accept', s.id)} aria-label={`${t.accept}: ${what(s, t)}`}>
                        {t.accept}
                      </button>
                      <button type="button" className="button button--secondary button--small" aria-disabled={pending} onClick={() => decide('reject', s.id)} aria-label={`${t.reject}: ${what(s, t)}`}>
                        {t.reject}
                      </button>
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayDecide && suggestions.length > 1 && (
        <div className="suggestion-card__actions">
          <button type="button" className="button button--secondary button--small" aria-disabled={pending} onClick={() => decide('accept')}>
            {t.acceptAll}
          </button>
          <button type="button" className="button button--secondary button--small" aria-disabled={pending} onClick={() => decide('reject')}>
            {t.rejectAll}
          </button>
        </div>
      )}
    </section>
  );
}
