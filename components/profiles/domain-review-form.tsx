'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { actionStateKey } from '@/components/forms/state-key';
import { MAX_NOTE_LENGTH } from '@/lib/domain/workflow';
import { reviewDomainAction } from '@/lib/actions/domain-review';

export interface DomainReviewLabels {
  title: string;
  note: string;
  noteHelp: string;
  accept: string;
  requestChanges: string;
}

/**
 * A focal point's verdict on one domain. Labels come translated from the
 * server: this form sits on the editor page, which carries no i18n runtime.
 */
export function DomainReviewForm({ id, domain, labels: t }: { id: string; domain: string; labels: DomainReviewLabels }) {
  const [state, action, pending] = useActionState(reviewDomainAction, null);
  return (
    <form className="form" action={action} aria-labelledby="review-title" key={actionStateKey(state)}>
      <h2 id="review-title">{t.title}</h2>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="domain" value={domain} />
      <div className="field">
        <label htmlFor="review-note">{t.note}</label>
        <textarea id="review-note" name="note" rows={3} maxLength={MAX_NOTE_LENGTH} aria-describedby="review-note-help" defaultValue={state && !state.ok ? state.values?.note : ''} />
        <span id="review-note-help" className="field__hint">
          {t.noteHelp}
        </span>
      </div>
      <div className="actions">
        <button className="button" type="submit" name="decision" value="accept" disabled={pending}>
          {t.accept}
        </button>
        <button className="button button--secondary" type="submit" name="decision" value="request_changes" disabled={pending}>
          {t.requestChanges}
        </button>
      </div>
    </form>
  );
}
