import type { ActionState } from '@/lib/actions/safe-action';

/** The outcome of a form action, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state?.message) return null;
  return (
    <p className={`notice ${state.ok ? 'notice--ok' : 'notice--error'}`} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}
