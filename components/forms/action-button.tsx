'use client';

import { useActionState, useRef, useState } from 'react';
import type { ActionState } from '@/lib/actions/safe-action';
import { FormMessage } from './form-message';
import { ConfirmDialog } from './modal-dialog';

interface Props {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  className?: string;
  /**
   * Asked in the app's dialog before submitting (e.g. deactivation); its confirming button repeats
   * `label`. Labels come translated from the caller: pages without the client catalog use this button too.
   */
  confirm?: { title: string; body: string; cancel: string; danger?: boolean };
  /** Rendered under the button after success, e.g. a one-time link. */
  renderResult?: (state: NonNullable<ActionState>) => React.ReactNode;
}

/** A one-button form bound to a server action, showing its outcome beside it. */
export function ActionButton({ action, fields, label, className, confirm, renderResult }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [asking, setAsking] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  return (
    <form
      ref={formRef}
      action={formAction}
      className="inline-form"
      onSubmit={(event) => {
        if (!confirm || confirmed.current) {
          confirmed.current = false;
          return;
        }
        event.preventDefault();
        setAsking(true);
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--small ${className ?? ''}`} disabled={pending}>
        {label}
      </button>
      {confirm && (
        <ConfirmDialog
          open={asking}
          title={confirm.title}
          body={confirm.body}
          danger={confirm.danger}
          confirmLabel={label}
          cancelLabel={confirm.cancel}
          onClose={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            confirmed.current = true;
            formRef.current?.requestSubmit();
          }}
        />
      )}
      {state && (
        <div style={{ marginTop: '0.5rem' }}>
          <FormMessage state={state} />
          {state.ok && renderResult?.(state)}
        </div>
      )}
    </form>
  );
}
