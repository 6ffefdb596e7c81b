'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { mentionCandidatesAction } from '@/lib/actions/comments';
import { MAX_COMMENT_LENGTH } from '@/lib/domain/comment-limits';
import { insertMention, matchCandidates, mentionQueryAt, type Mentionable } from '@/lib/domain/mentions';
import type { CommentLabels } from './labels';

/** The people of one profile, fetched once per page and shared by every comment box on it. */
const loaded = new Map<string, Promise<Mentionable[]>>();
function loadMentionable(assessmentId: string): Promise<Mentionable[]> {
  let people = loaded.get(assessmentId);
  if (!people) {
    const form = new FormData();
    form.set('id', assessmentId);
    people = mentionCandidatesAction(null, form).then((r) => (r?.ok && typeof r.data?.people === 'string' ? (JSON.parse(r.data.people) as Mentionable[]) : []));
    // A failed load (e.g. the session ended) is tried again on the next `@`.
    people.then((list) => list.length === 0 && loaded.delete(assessmentId)).catch(() => loaded.delete(assessmentId));
    loaded.set(assessmentId, people);
  }
  return people;
}

interface Props {
  /** The profile whose readers may be mentioned; without it there is no picker. */
  assessmentId?: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  labels: CommentLabels;
  name?: string;
  rows?: number;
  placeholder?: string;
  autoFocus?: boolean;
  /** Shows the "type @ to mention" hint under the box. */
  hint?: boolean;
}

/**
 * A comment box where `@` and the start of a name offer the people who may
 * read the profile (the server's list, lib/data/comment-notifications.ts).
 * The text box keeps the focus: arrow keys move through the list
 * (aria-activedescendant), Enter or Tab inserts the name, Escape closes the
 * list; a click works too. The server finds the mentions in the text itself.
 */
export function MentionTextarea({ assessmentId, id, value, onChange, labels: t, name, rows = 3, placeholder, autoFocus, hint }: Props) {
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const hintId = useId();
  const [people, setPeople] = useState<Mentionable[] | null>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [caret, setCaret] = useState<number | null>(null);

  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);
  // Puts the caret after an inserted name once React has written the new text.
  useLayoutEffect(() => {
    if (caret === null || !box.current) return;
    box.current.setSelectionRange(caret, caret);
    setCaret(null);
  }, [caret]);

  const matches = query && people ? matchCandidates(query.query, people) : [];
  // Past a space with nothing matching, the person is writing on (e.g. after a name already
  // inserted): the list stays closed rather than saying that nobody matches.
  const open = query !== null && people !== null && (matches.length > 0 || !/\s/.test(query.query));

  function follow(text: string, at: number) {
    const q = assessmentId ? mentionQueryAt(text, at) : null;
    setQuery(q);
    setActive(0);
    if (q && people === null && assessmentId) loadMentionable(assessmentId).then(setPeople, () => setPeople([]));
  }

  function choose(person: Mentionable) {
    if (!query) return;
    const next = insertMention(value, query.start, box.current?.selectionStart ?? value.length, person.name);
    onChange(next.text);
    setQuery(null);
    setCaret(next.caret);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'Escape') {
      // Closes the list only, not the composer around it.
      event.preventDefault();
      event.stopPropagation();
      setQuery(null);
      return;
    }
    if (matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + matches.length) % matches.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      event.preventDefault();
      choose(matches[Math.min(active, matches.length - 1)]);
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="mention-box">
      <textarea
        id={id}
        ref={box}
        name={name}
        rows={rows}
        maxLength={MAX_COMMENT_LENGTH}
        required
        placeholder={placeholder}
        value={value}
        aria-autocomplete="list"
        aria-controls={open && matches.length > 0 ? listId : undefined}
        aria-activedescendant={open && matches.length > 0 ? optionId(Math.min(active, matches.length - 1)) : undefined}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          follow(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onClick={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setQuery(null)}
      />
      {open && matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t.mentionList} className="mention-picker" data-testid="mention-picker">
          {matches.map((p, i) => (
            <li
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === Math.min(active, matches.length - 1)}
              onMouseDown={(e) => e.preventDefault() /* keeps the focus in the text box */}
              onClick={() => choose(p)}
            >
              {p.name}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {open ? (matches.length > 0 ? t.mentionCounts[matches.length] : t.mentionNone) : ''}
      </p>
      {/* Floats like the list, so that nothing under the box moves while the person types or clicks. */}
      {open && matches.length === 0 && <p className="mention-picker mention-picker--empty small muted">{t.mentionNone}</p>}
      {hint && (
        <p id={hintId} className="mention-hint small muted">
          {t.mentionHint}
        </p>
      )}
    </div>
  );
}
