'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { transitionAction } from '@/lib/actions/workflow';
import { MAX_NOTE_LENGTH } from '@/lib/domain/workflow';

/**
 * The confirmation under the preview: the note (required for a correction,
 * whose note is published with it) and the one button that publishes.
 */
export function PublishForm({ id, label, correction }: { id: string; label: string; correction: boolean }) {
  const t = useTranslations('workflow');
  const [state, action, pending] = useActionState(transitionAction, null);
  if (state?.ok) {
    // Same words as the page shows for a published profile (PublishedAs), until it re-renders as one.
    return (
      <p className="notice notice--ok" role="status" data-testid="published-as">
        {state.message} {typeof state.data?.href === 'string' && <a href={state.data.href}>{t('viewEdition')}</a>}
      </p>
    );
  }
  return (
    <form className="form" action={action} data-testid="publish-form">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="action" value="publish" />
      <div className="field">
        <label htmlFor="publish-note">{correction ? t('correctionNote') : t('publishNote')}</label>
        <textarea
          id="publish-note"
          name="note"
          rows={3}
          maxLength={MAX_NOTE_LENGTH}
          required={correction}
          defaultValue={state && !state.ok ? state.values?.note : ''}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {correction ? t('confirmCorrection', { label }) : t('confirmEdition', { label })}
        </button>
        <Link className="button button--secondary" href={`/assessments/${id}`}>
          {t('backToProfile')}
        </Link>
      </div>
    </form>
  );
}
