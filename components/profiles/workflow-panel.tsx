'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { actionStateKey } from '@/components/forms/state-key';
import { MAX_NOTE_LENGTH } from '@/lib/domain/workflow';
import { transitionAction } from '@/lib/actions/workflow';
import type { TransitionAction } from '@/lib/policy';
import type { IdleReason } from '@/lib/domain/workflow-status';

interface Props {
  id: string;
  /** What the server says this person may do now; nothing else is offered. */
  actions: TransitionAction[];
  /** Why there is nothing to do, in words true for this person (lib/domain/workflow-status.ts). */
  idle: IdleReason | null;
  /** A focal point whose own edits in this round are all that keep them from approving. */
  approveBlockedByOwnEdit: boolean;
}

export function WorkflowPanel({ id, actions, idle, approveBlockedByOwnEdit }: Props) {
  const t = useTranslations('workflow');
  const [state, action, pending] = useActionState(transitionAction, null);
  // Publishing is confirmed on its own page, after a preview of the public page.
  const steps = actions.filter((a) => a !== 'publish');
  const publish = actions.includes('publish') && (
    <Link className="button" href={`/assessments/${id}/publish`} data-testid="review-and-publish">
      {t('reviewAndPublish')}
    </Link>
  );
  if (steps.length === 0) {
    return (
      <div className="stack">
        <FormMessage state={state} />
        {publish ? <div className="actions">{publish}</div> : idle && idle !== 'published' && <p className="muted small" data-testid="workflow-idle">{t(idle)}</p>}
      </div>
    );
  }
  return (
    // Keyed by each answer: React resets a form after its action, and a refused one must keep the note.
    <form className="form" action={action} key={actionStateKey(state)}>
      <FormMessage state={state} />
      {approveBlockedByOwnEdit && (
        <p className="muted small" data-testid="approve-blocked">
          {t('editedThisRound')}
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label htmlFor="workflow-note">{t('note')}</label>
        <textarea id="workflow-note" name="note" rows={3} maxLength={MAX_NOTE_LENGTH} defaultValue={state && !state.ok ? state.values?.note : ''} aria-describedby="workflow-note-help" />
        {actions.includes('request_changes') && (
          <span id="workflow-note-help" className="field__hint">
            {t('noteHelpRequired')}
          </span>
        )}
      </div>
      <div className="actions">
        {steps.map((a) => (
          <button
            key={a}
            type="submit"
            name="action"
            value={a}
            disabled={pending}
            className={`button ${a === 'request_changes' ? 'button--secondary' : ''}`}
          >
            {t(`actions.${a}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
