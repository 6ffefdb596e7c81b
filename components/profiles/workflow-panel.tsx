'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { actionStateKey } from '@/components/forms/state-key';
import { MAX_NOTE_LENGTH } from '@/lib/domain/workflow';
import { transitionAction } from '@/lib/actions/workflow';
import type { TransitionAction } from '@/lib/policy';

interface Props {
  id: string;
  /** What the server says this person may do now; nothing else is offered. */
  actions: TransitionAction[];
  editedThisRound: boolean;
}

export function WorkflowPanel({ id, actions, editedThisRound }: Props) {
  const t = useTranslations('workflow');
  const [state, action, pending] = useActionState(transitionAction, null);
  if (actions.length === 0) {
    return (
      <div className="stack">
        <FormMessage state={state} />
        <p className="muted small">{editedThisRound ? t('editedThisRound') : t('nothingToDo')}</p>
      </div>
    );
  }
  return (
    // Keyed by each answer: React resets a form after its action, and a refused one must keep the note.
    <form className="form" action={action} key={actionStateKey(state)}>
      <FormMessage state={state} />
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
        {actions.map((a) => (
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
