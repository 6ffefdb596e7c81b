'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/safe-action';
import { FormMessage } from './form-message';

interface Props {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  className?: string;
  /** Asked before submitting (e.g. deactivation). */
  confirm?: string;
  /** Rendered under the button after success, e.g. a one-time link. */
  renderResult?: (state: NonNullable<ActionState>) => React.ReactNode;
}

/** A one-button form bound to a server action, showing its outcome beside it. */
export function ActionButton({ action, fields, label, className, confirm, renderResult }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="inline-form"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--small ${className ?? ''}`} disabled={pending}>
        {label}
      </button>
      {state && (
        <div style={{ marginTop: '0.5rem' }}>
          <FormMessage state={state} />
          {state.ok && renderResult?.(state)}
        </div>
      )}
    </form>
  );
}
